import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_FAULTS } from '../../../src/sim/faults.js';
import { type Sim, startSim } from '../../../src/sim/start-sim.js';
import { KMON } from '../../helpers/cli.js';
import { closedPort } from '../../helpers/closed-port.js';
import { stripSgr, Tmux } from '../../helpers/tmux.js';
import { hasTool } from '../../helpers/tools.js';
import { writeTestKubeconfig } from './test-kubeconfig.js';

// What the live frame shows through faults: the reason, the stale marker, and recovery.

const TMUX = hasTool('tmux', ['-V']);

const text = (screen: string) => stripSgr(screen);
/** The pod pane's rows: every line after its column header, up to the key hints. */
const podLines = (screen: string) => {
  const lines = text(screen).split('\n');
  const header = lines.findIndex((l) => /^NAMESPACE\s+NAME/.test(l));
  if (header < 0) return [];
  return lines.slice(header + 1).filter((l) => l.trim() && !/^\s*[?↑⏎]/.test(l));
};

async function startKmon(name: string, kubeconfig: string, interval = '1s'): Promise<Tmux> {
  const tmux = await Tmux.start(name, 120, 32, { LANG: 'C.UTF-8' });
  await tmux.type(`node ${KMON} --kubeconfig ${kubeconfig} --interval ${interval}; echo kmon-exit=$?`);
  await tmux.send(['Enter']);
  return tmux;
}

async function quit(tmux: Tmux): Promise<void> {
  await tmux.type('q');
  await tmux.waitFor((s) => s.includes('kmon-exit=0'), 10_000, 'kmon to quit with status 0');
}

describe.skipIf(!TMUX)('the live frame through faults (tmux 120×32)', () => {
  let sim: Sim;
  beforeAll(async () => {
    sim = await startSim({ nodes: 3, podsPerNode: 4, seed: 31 });
  });
  afterAll(() => sim.stop());

  it('apiserver unreachable at start: the reason names the server, kmon waits, and draws the cluster once it is up', {
    timeout: 90_000,
  }, async () => {
    const port = await closedPort();
    const server = `https://127.0.0.1:${port}`;
    const config = await writeTestKubeconfig({ server, tokenFile: true });
    const tmux = await startKmon('start-down', config.path);
    let late: Sim | null = null;
    try {
      await tmux.waitFor((s) => text(s).includes(`✗ cannot reach ${server}: connection refused`), 15_000, 'the reason');
      const screen = text(await tmux.capture());
      expect(screen).toContain('nodes not read yet');
      // Never a count of nodes that were never read, never "no alerts".
      expect(screen).toContain('nodes ?');
      expect(screen).toMatch(/^ NODES \? /m);
      expect(screen).not.toContain('0/0');
      expect(screen).not.toContain('no alerts');
      expect(screen).toMatch(/▲ [1-9]\d* crit/);
      late = await startSim({ nodes: 2, podsPerNode: 2, port });
      await config.setToken(late.token);
      const up = await tmux.waitFor(
        (s) => text(s).includes('nodes 2/2 Ready') && !text(s).includes('✗') && !text(s).includes('⚠'),
        40_000,
        'the cluster',
      );
      expect(text(up)).toMatch(/hello-kube-001 .* \d+%/);
      await quit(tmux);
    } finally {
      await tmux.kill();
      await late?.stop();
    }
  });

  // Several phases, each waiting on the screen: more than the default 20 s on a loaded machine.
  it('apiserver gone mid-session: rows stay, STALE with their age and the reason; both go when it is back', {
    timeout: 90_000,
  }, async () => {
    const tmux = await startKmon('mid-down', sim.kubeconfigPath, '300ms');
    try {
      const before = await tmux.waitFor((s) => /DISK%/.test(s) && /\d+% /.test(text(s)) && !text(s).includes('⚠'), 20_000, 'the cluster');
      await sim.setFaults({ apiserverDown: 'closed' });
      const down = await tmux.waitFor((s) => text(s).includes('STALE') && text(s).includes('✗ cannot reach'), 20_000, 'the stale frame');
      expect(text(down)).toMatch(/STALE \d+s/);
      // The cause, how long it has lasted, and an alert counted for it: never "no alerts".
      expect(text(down)).toMatch(new RegExp(`✗ cannot reach ${sim.url.replaceAll('.', '\\.')}: connection refused · \\d+s`));
      expect(text(down)).not.toContain('no alerts');
      for (const node of sim.cluster.nodeNames) expect(text(down)).toContain(node);
      expect(podLines(down).length).toBe(podLines(before).length);
      await sim.setFaults(NO_FAULTS);
      const back = await tmux.waitFor((s) => !text(s).includes('STALE') && !text(s).includes('✗'), 30_000, 'a fresh frame');
      expect(text(back)).toMatch(/nodes \d+\/\d+ Ready/);
      await quit(tmux);
    } finally {
      await sim.setFaults(NO_FAULTS);
      await tmux.kill();
    }
  });

  it('a namespace deleted while shown, and while the picker is open: no stale rows, it leaves the picker, kmon runs on', {
    timeout: 90_000,
  }, async () => {
    const namespace = sim.cluster.pods().at(-1)?.namespace ?? '';
    const tmux = await startKmon('namespace', sim.kubeconfigPath);
    try {
      await tmux.waitFor((s) => /DISK%/.test(s), 20_000, 'the cluster');
      // Choose the namespace in the picker: it is the last one, so End reaches it.
      await tmux.type('n');
      await tmux.waitFor((s) => text(s).includes('namespace (↑↓ choose'), 10_000, 'the picker');
      await tmux.send(['End']);
      await tmux.send(['Enter']);
      const shown = await tmux.waitFor((s) => text(s).includes(`ns ${namespace}`) && podLines(s).length > 0, 10_000, 'its pods');
      expect(podLines(shown).every((l) => l.startsWith(namespace.slice(0, 9)))).toBe(true);

      sim.setFaults({ removed: { nodes: [], namespaces: [namespace] } });
      const emptied = await tmux.waitFor((s) => text(s).includes('no pods match'), 10_000, 'the deleted namespace’s pods gone');
      expect(text(emptied)).toContain(`ns ${namespace}`);
      expect(podLines(emptied).filter((l) => !l.includes('no pods match'))).toEqual([]);
      await tmux.type('n');
      const picker = await tmux.waitFor((s) => text(s).includes('namespace (↑↓ choose'), 10_000, 'the picker again');
      expect(text(picker)).not.toMatch(new RegExp(`^\\s+${namespace}\\b`, 'm'));
      await tmux.send(['Escape']);

      // Back as a new namespace: its pods return, each once.
      sim.setFaults({ removed: { nodes: [], namespaces: [] } });
      const back = await tmux.waitFor((s) => podLines(s).length === podLines(shown).length, 10_000, 'the pods back');
      expect(new Set(podLines(back)).size).toBe(podLines(back).length);

      // Deleted while the picker is open with it highlighted: the highlight moves to all namespaces,
      // never to a neighbour, and Enter picks what the screen shows.
      await tmux.type('n');
      await tmux.waitFor((s) => text(s).includes('namespace (↑↓ choose'), 10_000, 'the picker');
      await tmux.send(['End']);
      sim.setFaults({ removed: { nodes: [], namespaces: [namespace] } });
      const left = await tmux.waitFor(
        (s) => !text(s).match(new RegExp(`^\\s+${namespace}`, 'm')),
        10_000,
        'the namespace to leave the open picker',
      );
      // Highlighted = reverse video (SGR 7), however tmux merges it with the other attributes.
      expect(left).toMatch(/\x1b\[(?:\d+;)*7m(?:\x1b\[[\d;]*m)*\s+all namespaces/);
      await tmux.send(['Enter']);
      const after = await tmux.waitFor((s) => text(s).includes('PODS'), 10_000, 'the table');
      expect(text(after)).toContain('ns all');
      expect(podLines(after).some((l) => l.startsWith(namespace.slice(0, 9)))).toBe(false);
      await quit(tmux);
    } finally {
      await sim.setFaults(NO_FAULTS);
      await tmux.kill();
    }
  });

  it('a server that answers watches with lists: the header says watches are unavailable, and the frame stays current, never STALE', {
    timeout: 90_000,
  }, async () => {
    const listing = await startSim({ nodes: 2, podsPerNode: 2, seed: 32, faults: { watchAsList: ['watch nodes', 'watch pods'] } });
    const tmux = await startKmon('watch-as-list', listing.kubeconfigPath);
    try {
      // Each list's watch is found out on its own: the second may come a poll after the first.
      const notice = /⚠ watch unavailable \(answered with a (Node|Pod)List\): listing (nodes|pods) every 1s \(\+1 more/;
      const shown = await tmux.waitFor((s) => notice.test(text(s)), 20_000, 'the notice, for both lists');
      expect(text(shown)).toMatch(notice);
      // Three intervals make data STALE: ten go by, the frame current all along.
      const until = Date.now() + 10_000;
      while (Date.now() < until) {
        expect(text(await tmux.capture())).not.toContain('STALE');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(text(await tmux.capture())).toMatch(/nodes 2\/2 Ready/);
      await quit(tmux);
    } finally {
      await tmux.kill();
      await listing.stop();
    }
  });
});
