import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Sim, startSim } from '../../src/sim/start-sim.js';
import { KMON } from '../helpers/cli.js';
import { stripSgr, Tmux } from '../helpers/tmux.js';
import { hasTool } from '../helpers/tools.js';

// Ctrl-Z in a shell with job control: the shell's screen comes back with its cursor, and `fg`
// brings kmon back drawn whole on its own screen, still taking keys.

const TMUX = hasTool('tmux', ['-V']);
if (!TMUX) console.warn('tmux is not on PATH: skipping the suspend test');

let sim: Sim;
let tmux: Tmux | null = null;

beforeAll(async () => {
  sim = await startSim({ nodes: 3, podsPerNode: 3, seed: 3 });
});
afterAll(() => sim?.stop());
afterEach(async () => {
  await tmux?.kill();
  tmux = null;
});

const drawn = (s: string) => /NODES \d/.test(stripSgr(s)) && /PODS \d/.test(stripSgr(s));

describe.skipIf(!TMUX)('Ctrl-Z', () => {
  it('suspends to the shell, restoring the terminal, and redraws on fg', async () => {
    tmux = await Tmux.start('suspend', 100, 30, { LANG: 'C.UTF-8' });
    await tmux.type(`node ${KMON} --kubeconfig ${sim.kubeconfigPath} --interval 1s`);
    await tmux.send(['Enter']);
    await tmux.waitFor(drawn, 20_000, 'the live screen');
    await tmux.send(['C-z']);
    await tmux.waitFor((s) => /Stopped/.test(s), 10_000, 'the shell reporting kmon stopped');
    expect(await tmux.display('#{alternate_on}')).toBe('0');
    expect(await tmux.display('#{cursor_flag}')).toBe('1');
    await tmux.type('fg');
    await tmux.send(['Enter']);
    await tmux.waitFor(drawn, 10_000, 'the live screen drawn again');
    expect(await tmux.display('#{alternate_on}')).toBe('1');
    await tmux.type('j');
    await tmux.type('q');
    // The shell's prompt once kmon has ended (and no longer reads the terminal).
    await tmux.waitFor((s) => /^# fg\n.*\n[#$] *$/m.test(stripSgr(s).trimEnd()), 10_000, 'the shell prompt after q');
    expect(await tmux.display('#{alternate_on}')).toBe('0');
    // The job's status, as the shell saw it end.
    await tmux.type('echo "kmon-exit=$?"');
    await tmux.send(['Enter']);
    expect(await tmux.waitFor((s) => /^kmon-exit=\d/m.test(s), 10_000, 'the exit status')).toMatch(/^kmon-exit=0$/m);
  });
});
