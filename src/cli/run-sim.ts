import type { Faults, SimOptions } from '../sim/start-sim.js';
import { UsageError } from './usage-error.js';

/** `--faults '{…}'`: switches of the simulated cluster's faults, by their names in Faults. */
async function parseFaults(text: string): Promise<Partial<Faults>> {
  const { NO_FAULTS } = await import('../sim/faults.js');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(`--faults: not JSON: ${text.slice(0, 60)}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new UsageError('--faults: expected a JSON object of fault switches');
  const unknown = Object.keys(parsed).filter((key) => !(key in NO_FAULTS));
  if (unknown.length) throw new UsageError(`--faults: no such fault: ${unknown.join(', ')} (known: ${Object.keys(NO_FAULTS).join(', ')})`);
  return parsed as Partial<Faults>;
}

/** `kmon sim`: the simulated cluster on its own, until Ctrl-C. */
export async function runSimFace(options: SimOptions, faults?: string): Promise<number> {
  const { runSimStandalone } = await import('../sim/run-sim-standalone.js');
  const switches = faults === undefined ? undefined : await parseFaults(faults);
  try {
    await runSimStandalone({ ...options, faults: switches });
  } catch (e) {
    // The sim checks each switch's value (a count, a rate) as it starts.
    if (e instanceof RangeError) throw new UsageError(`--faults: ${e.message}`);
    throw e;
  }
  return 0;
}
