import { afterAll, beforeAll, describe, expect } from 'vitest';
import { type Sim, startSim } from '../../src/sim/start-sim.js';
import { KMON } from '../helpers/cli.js';
import { closedPort } from '../helpers/closed-port.js';
import { hasPrometheus, itWithPrometheus, type RunningPrometheus, startPrometheus } from '../helpers/prometheus.js';
import { stripSgr, Tmux } from '../helpers/tmux.js';
import { hasTool } from '../helpers/tools.js';

// kmon --prometheus URL as a person runs it, in tmux: a Prometheus that has scraped the cluster for
// a while, and the node's detail opens with those seconds already charted; a Prometheus that is
// not there is one line in the header, and the screen is the same as without it.

const TMUX = hasTool('tmux', ['-V']);
let sim: Sim;
let prom: RunningPrometheus | null = null;
let tmux: Tmux | null = null;

beforeAll(async () => {
  if (!TMUX || !hasPrometheus) return;
  // The kubelets' figures move every 2 s; the sim's metrics-server scrapes every 15 s as by default,
  // so the live samples alone cannot fill a chart within the test.
  sim = await startSim({ nodes: 3, podsPerNode: 3, seed: 9, metricResolutionMs: 2000 });
  prom = await startPrometheus(
    sim,
    sim.cluster.nodeNames.flatMap((node) => [
      { node, endpoint: 'metrics/resource' as const },
      { node, endpoint: 'metrics/cadvisor' as const },
    ]),
  );
  await prom.waitForSamples('node_memory_working_set_bytes', 10);
}, 60_000);

afterAll(async () => {
  await tmux?.kill();
  await prom?.stop();
  await sim?.stop();
});

function chartSpan(screen: string): number | null {
  const m = /CPU % of allocatable, last (?:(\d+)m)?(?:(\d+)s)?/.exec(stripSgr(screen));
  return m ? Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) : null;
}

describe.skipIf(!TMUX)('kmon --prometheus in a real terminal (tmux 120×32)', () => {
  itWithPrometheus(
    'a node’s detail opens with the past Prometheus holds; a dead Prometheus is one line and changes nothing else',
    async () => {
      tmux = await Tmux.start('prometheus', 120, 32);
      const url = (prom as RunningPrometheus).url;
      await tmux.type(
        `node ${KMON} --kubeconfig ${sim.kubeconfigPath} --prometheus ${url} --prometheus-window 2m --no-save-history; echo kmon-exit=$?`,
      );
      await tmux.send(['Enter']);
      await tmux.waitFor((s) => /NODES \d/.test(stripSgr(s)), 20_000, 'the node pane');
      await tmux.send(['Enter']);
      const detail = await tmux.waitFor((s) => (chartSpan(s) ?? 0) >= 15, 10_000, 'the detail charting what Prometheus holds');
      // The sim's cAdvisor has no inode series: said in the header, which raises no alert for it.
      expect(stripSgr(detail)).toMatch(/Prometheus has no node inodes/);
      await tmux.type('q');
      await tmux.waitFor((s) => /^kmon-exit=0/m.test(s), 10_000, 'kmon to quit');

      const dead = await closedPort();
      await tmux.type(
        `node ${KMON} --kubeconfig ${sim.kubeconfigPath} --prometheus http://127.0.0.1:${dead} --no-save-history; echo kmon-exit=$?`,
      );
      await tmux.send(['Enter']);
      const screen = await tmux.waitFor(
        (s) => /NODES \d/.test(stripSgr(s)) && stripSgr(s).includes('Prometheus cannot reach'),
        20_000,
        'the nodes, and why there is no past',
      );
      const text = stripSgr(screen);
      expect(text).toMatch(new RegExp(`Prometheus cannot reach http://127\\.0\\.0\\.1:${dead}: connection refused`));
      expect(text).toMatch(/no alerts|\d+ crit \d+ warn/);
      for (const node of sim.cluster.nodeNames) expect(text).toContain(node);
      await tmux.type('q');
      await tmux.waitFor((s) => (s.match(/^kmon-exit=0/gm) ?? []).length === 2, 10_000, 'kmon to quit again');
    },
    60_000,
  );
});
