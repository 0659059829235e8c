import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE } from '../../../src/sim/hostile-text.js';
import { type Sim, startSim } from '../../../src/sim/start-sim.js';
import { KMON, kmon } from '../../helpers/cli.js';
import { stripSgr, Tmux } from '../../helpers/tmux.js';
import { hasTool } from '../../helpers/tools.js';

// A node condition message, a pod label, a container waiting reason and a kubelet's plain-text error
// body all carry escape sequences (window title, clipboard, screen clear, blink, reset, bells, DCS,
// 8-bit CSI, bidi override). None may reach a terminal or a tmux status line: only kmon's own colours.

const TMUX = hasTool('tmux', ['-V']);

let sim: Sim;
let node: string;
let dir: string;

beforeAll(async () => {
  sim = await startSim({ nodes: 3, podsPerNode: 3, seed: 29 });
  node = sim.cluster.nodeNames[0] ?? '';
  sim.setFaults({ hostileText: node });
  dir = mkdtempSync(path.join(tmpdir(), 'kmon-hostile-'));
});
afterAll(async () => {
  await sim.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Every escape or control character in `text` that is not an SGR colour, as visible escapes. */
function unsafe(text: string): string[] {
  const found = stripSgr(text).match(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g) ?? [];
  return found.map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const SMUGGLED = [HOSTILE.title, 'cHduZWQ=', '544e'];

function expectSafe(text: string): void {
  expect(unsafe(text)).toEqual([]);
  for (const payload of SMUGGLED) expect(text).not.toContain(payload);
}

describe('terminal safety of what the cluster sends', () => {
  it('kmon top nodes -o wide and top pods -A -o wide: the strings are shown, their sequences are not', async () => {
    const nodes = await kmon(['top', 'nodes', '-o', 'wide', '--kubeconfig', sim.kubeconfigPath], { FORCE_COLOR: '1' });
    const pods = await kmon(['top', 'pods', '-A', '-o', 'wide', '--kubeconfig', sim.kubeconfigPath], { FORCE_COLOR: '1' });
    for (const ran of [nodes, pods]) {
      expect(ran.code, ran.stderr).toBe(0);
      expectSafe(ran.stdout);
      expectSafe(ran.stderr);
    }
    // The kubelet's error body reaches stderr, defused.
    expect(nodes.stderr).toContain(`kmon: warning: kubelet on ${node}: HTTP 502: kubelet boom`);
    expect(stripSgr(pods.stdout)).toMatch(/Evil\?*Reason/);
  });

  it('kmon check, top -o json and status in every format', async () => {
    const check = await kmon(['check', '--kubeconfig', sim.kubeconfigPath]);
    expectSafe(check.stdout);
    expect(check.stdout).toContain(`node ${node}: MemoryPressure: memory eaten by`);
    const json = await kmon(['top', 'pods', '-A', '-o', 'json', '--kubeconfig', sim.kubeconfigPath]);
    expectSafe(json.stdout);
    // JSON would carry an escape as \u001b: none may be there either.
    expect(json.stdout).not.toMatch(/\\u00(1b|07|9b)/i);
    for (const format of ['tmux', 'ansi', 'plain', 'json']) {
      const status = await kmon(['status', '--format', format, '--kubeconfig', sim.kubeconfigPath], {
        XDG_CACHE_HOME: path.join(dir, format),
      });
      expect(status.code, status.stderr).toBe(0);
      expectSafe(status.stdout);
      if (format === 'tmux') expect(status.stdout).toContain(`MemoryPressure ‼ ${node}`);
    }
  });

  it.skipIf(!TMUX)('the live screen in tmux: no sequence from the cluster in the bytes written, the window title untouched', async () => {
    const raw = path.join(dir, 'raw');
    const tmux = await Tmux.start('hostile', 120, 32, { LANG: 'C.UTF-8' });
    try {
      await tmux.record(raw);
      const title = await tmux.display('#{pane_title}');
      await tmux.type(`node ${KMON} --kubeconfig ${sim.kubeconfigPath} --interval 1s; echo kmon-exit=$?`);
      await tmux.send(['Enter']);
      await tmux.waitFor((s) => /Evil\?*Reason/.test(stripSgr(s)) && s.includes('Mem'), 20_000, 'the hostile pods and node');
      // The node's detail shows its conditions, messages and labels.
      await tmux.type('/');
      await tmux.waitFor((s) => s.includes('⏎ keep'), 10_000, 'the filter prompt');
      await tmux.type(node);
      await tmux.waitFor((s) => stripSgr(s).includes(`/ ${node}`), 10_000, 'the filter text');
      await tmux.send(['Enter']);
      await tmux.waitFor((s) => stripSgr(s).includes(`filter ${node}`), 10_000, 'the filtered node pane');
      await tmux.send(['Enter']);
      await tmux.waitFor((s) => stripSgr(s).includes('memory eaten by'), 10_000, 'the node detail with the condition message');
      await tmux.send(['Escape']);
      await tmux.type('q');
      await tmux.waitFor((s) => s.includes('kmon-exit=0'), 10_000, 'kmon to quit');
      expect(await tmux.display('#{pane_title}')).toBe(title);
      const bytes = readFileSync(raw, 'latin1');
      expect(bytes.length).toBeGreaterThan(1000);
      // Ink moves the cursor and kmon switches screens; nothing else: no OSC, DCS, reset, bell or 8-bit CSI.
      expect(bytes).not.toMatch(/\x1b[\]P^_X]|\x1bc|\x07|\x9b|\xc2\x9b/);
      expect(bytes).not.toContain('\x1b[5;41m');
      for (const payload of SMUGGLED) expect(bytes).not.toContain(payload);
    } finally {
      await tmux.kill();
    }
  });
});
