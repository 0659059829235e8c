import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sim, startSim } from '../../src/sim/start-sim.js';
import { KMON } from '../helpers/cli.js';
import { stripSgr, Tmux } from '../helpers/tmux.js';
import { hasTool } from '../helpers/tools.js';

const TMUX = hasTool('tmux', ['-V']);
if (!TMUX) console.warn('tmux is not on PATH: skipping the end-to-end screen tests');

let sim: Sim;
let tmux: Tmux;

beforeAll(async () => {
  sim = await startSim({ nodes: 6, podsPerNode: 6, seed: 2 });
});
afterAll(async () => {
  await tmux?.kill();
  await sim?.stop();
});

const UNITS: Record<string, number> = { '': 1, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3 };
const bytes = (cell: string) => {
  const m = /^([\d.]+)(Ki|Mi|Gi)?$/.exec(cell);
  return m ? Number(m[1]) * (UNITS[m[2] ?? ''] ?? 1) : Number.NaN;
};

/** The MEM column of the pod pane, top to bottom. */
function podMemory(screen: string): number[] {
  const lines = stripSgr(screen).split('\n');
  const header = lines.findIndex((l) => /^NAMESPACE\s+NAME/.test(l));
  const columns = lines[header] ?? '';
  const at = columns.search(/\bMEM\b/);
  return lines
    .slice(header + 1)
    .filter((l) => l.trim() && !/^\s*[?↑⏎]/.test(l))
    .map((l) =>
      bytes(
        l
          .slice(0, at + 6)
          .trim()
          .split(/\s+/)
          .at(-1) ?? '',
      ),
    )
    .filter((n) => !Number.isNaN(n));
}

describe.skipIf(!TMUX)('kmon in a real terminal (tmux 120×32)', () => {
  it('draws nodes and pods, marks a full disk red with ‼, sorts pods by memory on M, and q restores the terminal', async () => {
    tmux = await Tmux.start('live', 120, 32);
    await tmux.type(`node ${KMON} --kubeconfig ${sim.kubeconfigPath} --interval 1s; echo "kmon-exit=$?"`);
    await tmux.send(['Enter']);

    const screen = await tmux.waitFor((s) => /DISK%/.test(s) && /9\d% ‼/.test(s) && /PODS \d+/.test(s), 20_000, 'nodes with disk figures');
    expect(await tmux.display('#{alternate_on}')).toBe('1');
    for (const node of sim.cluster.nodeNames) expect(stripSgr(screen)).toContain(node);
    // The sim keeps one node's filesystem above 90%: its DISK% cell must be red (SGR 31) and carry ‼.
    expect(screen).toMatch(/\u001B\[(?:[0-9;]*;)?31(?:;[0-9;]*)?m(?:\u001B\[[0-9;]*m)*\s*9\d% ‼/);

    await tmux.send(['Tab']);
    await tmux.type('M');
    const sorted = await tmux.waitFor((s) => stripSgr(s).includes('sort: MEM ▼'), 10_000, 'pods sorted by memory');
    const memory = podMemory(sorted);
    expect(memory.length).toBeGreaterThan(5);
    expect(memory).toEqual([...memory].sort((a, b) => b - a));

    await tmux.type('q');
    // The typed command line holds "kmon-exit=" too: wait for the line echo prints.
    const after = await tmux.waitFor((s) => /^kmon-exit=\d/m.test(s), 10_000, 'the shell prompt after q');
    expect(after).toContain('kmon-exit=0');
    expect(await tmux.display('#{alternate_on}')).toBe('0');
    expect(await tmux.display('#{cursor_flag}')).toBe('1');
  });
});
