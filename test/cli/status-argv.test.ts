import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Action } from '../../src/cli/action.js';
import { addClusterOptions, addThresholdOptions } from '../../src/cli/options.js';
import { buildProgram } from '../../src/cli/program.js';
import { runStatus } from '../../src/cli/status/run-status.js';
import { STATUS_FLAG_NAMES, statusFlags } from '../../src/cli/status/status-argv.js';
import { statusCommand } from '../../src/cli/status/status-command.js';

// kmon status reads its usual command line without commander (status-argv.ts) and hands anything
// else to the full program. Both must read the same flags the same way.

vi.mock('../../src/cli/status/run-status.js', () => ({ runStatus: vi.fn(async () => 0) }));

afterEach(() => {
  vi.unstubAllEnvs();
  vi.mocked(runStatus).mockClear();
});

/** What the full program (commander) passes to runStatus for `kmon status ARGS`; null if it refuses. */
async function commanderFlags(args: readonly string[]): Promise<unknown> {
  let action: Action | null = null;
  const program = buildProgram((a) => {
    action = a;
  });
  const quiet = (command: Command): void => {
    command.exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} });
    command.commands.forEach(quiet);
  };
  quiet(program);
  try {
    await program.parseAsync(['status', ...args], { from: 'user' });
  } catch {
    return null;
  }
  await (action as Action | null)?.();
  const flags = vi.mocked(runStatus).mock.calls[0]?.[0] ?? null;
  if (!flags) return null;
  // Display and history flags of the live screen, which the full program also accepts; kmon status ignores them.
  const { interval: _interval, altScreen: _altScreen, saveHistory: _saveHistory, ...rest } = flags as unknown as Record<string, unknown>;
  return rest;
}

/** Without undefined fields, which commander leaves out. */
const defined = (flags: unknown) => JSON.parse(JSON.stringify(flags));

describe('statusFlags reads what commander reads', () => {
  it.each([
    [[]],
    [['--format', 'json']],
    [['--format=tmux', '--max-width', '40']],
    [['--kubeconfig', '/tmp/kc', '--context=prod-eu']],
    [['-n', 'web', '-A', '-l', 'app=api,tier!=db']],
    [['-nweb']],
    [['--no-kubelet', '--no-color', '--ascii', '--cached']],
    [['--refresh-disk', '--timeout', '500ms']],
    [['--watch', '5s', '--max-width', '120']],
    [['--cpu-warn', '50', '--cpu-crit', '75', '--mem-warn', '60%', '--mem-crit', '70', '--disk-warn', '85', '--disk-crit', '95']],
    [['--request-timeout=3s', '--kubelet-qps', '5', '--kubelet-burst', '10', '--kubelet-concurrency', '2', '--kubelet-timeout', '1s']],
    [['--config', '/tmp/kmon.yaml', '--log', '/tmp/kmon.log']],
    // The last of a repeated flag wins, in both.
    [['--format', 'tmux', '--format', 'plain']],
    // But --context repeated names a fleet, every one kept in order.
    [['--context', 'prod-eu', '--context=staging', '--context', 'dev']],
    [['--all-contexts', '--max-width', '60']],
  ] as const)('%j', async (args) => {
    const ours = statusFlags(args, {});
    expect(ours).not.toBeNull();
    expect(defined(ours)).toEqual(await commanderFlags(args));
  });

  it('--log falls back to KMON_LOG', async () => {
    vi.stubEnv('KMON_LOG', '/tmp/from-env.log');
    expect(statusFlags([], { KMON_LOG: '/tmp/from-env.log' })?.log).toBe('/tmp/from-env.log');
    expect(defined(statusFlags([], { KMON_LOG: '/tmp/from-env.log' }))).toEqual(await commanderFlags([]));
  });

  it.each([
    [['--help']],
    [['-h']],
    [['--version']],
    [['--bogus']],
    [['--kubelet']],
    [['--timeout', 'soon']],
    [['--max-width', '0']],
    [['--cpu-warn', '-5']],
    [['--format', 'xml']],
    [['extra']],
    [['--context']],
    // Live-screen flags the full program takes and kmon status ignores: left to it.
    [['--interval', '5s']],
  ] as const)('leaves %j to commander', (args) => {
    expect(statusFlags(args, {})).toBeNull();
  });

  it('knows exactly the flags commander defines for kmon status', () => {
    const global = addThresholdOptions(addClusterOptions(new Command('kmon'))).options;
    const own = statusCommand(() => {}).options;
    const commanders = [...global, ...own].map((o) => o.long ?? '');
    expect([...STATUS_FLAG_NAMES].sort()).toEqual(commanders.sort());
  });
});
