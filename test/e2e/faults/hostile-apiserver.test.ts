import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { connect } from '../../../src/kube/connect.js';
import { resolveTarget } from '../../../src/kube/kubeconfig/resolve-target.js';
import { clusterProblem } from '../../../src/model/cluster-health.js';
import type { Faults } from '../../../src/sim/faults.js';
import { type Sim, startSim } from '../../../src/sim/start-sim.js';
import { kmon } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { healthy, type Live, startLive, until } from './live-collector.js';

// Apiservers and proxies this project did not write: watches that are not honoured, connections
// reset, clusters that cannot be read. Each case runs the live collector at kmon's default poll
// interval and measures what it costs the apiserver: kubelet reads have a budget of their own, every
// other request must stay under 2 a second, whatever the server does.

const INTERVAL_MS = 5_000;
const WINDOW_MS = 30_000;
const MINUTE = 60_000;

/** Requests a second to the apiserver itself (kubelet reads through its proxy left out). */
function apiserverRate(sim: Sim, since: number, until = Date.now()): number {
  const rates = Object.entries(sim.requestRates(since, until));
  return rates.filter(([kind]) => !kind.startsWith('GET kubelet ')).reduce((sum, [, rate]) => sum + rate, 0);
}

async function withSim<T>(faults: Partial<Faults>, seed: number, run: (sim: Sim) => Promise<T>): Promise<T> {
  const sim = await startSim({ nodes: 3, podsPerNode: 3, seed, faults });
  try {
    return await run(sim);
  } finally {
    await sim.stop();
  }
}

async function withLive<T>(sim: Sim, run: (live: Live) => Promise<T>, requestTimeoutMs = 10_000): Promise<T> {
  const live = startLive({ kubeconfig: sim.kubeconfigPath, intervalMs: INTERVAL_MS, requestTimeoutMs });
  try {
    return await run(live);
  } finally {
    live.stop();
  }
}

describe.concurrent('servers that do not honour watches: lists every poll instead, gently, saying so', () => {
  it.each<[string, Partial<Faults>, number, RegExp]>([
    [
      'a watch answered with a plain list',
      { watchAsList: ['watch nodes', 'watch pods'] },
      41,
      /^watch unavailable \(answered with a (Node|Pod)List\): listing (nodes|pods) every 5s$/,
    ],
    [
      'a watch answered 200 and closed with no events',
      { emptyWatches: ['watch nodes', 'watch pods'] },
      42,
      /^watch unavailable \(the server closes watches at once\): listing (nodes|pods) every 5s$/,
    ],
    [
      "a proxy's HTML login page",
      { loginPage: ['watch nodes', 'watch pods'] },
      43,
      /^watch unavailable \(answered with text\/html\): listing (nodes|pods) every 5s$/,
    ],
  ])(
    '%s: ≤ 2 apiserver requests a second over 30 s, the figures current, the notice shown',
    (_, faults, seed, notice) =>
      withSim(faults, seed, (sim) =>
        withLive(sim, async (live) => {
          await until(() => expect(live.latest().problems.filter((p) => p.kind === 'degraded')).toHaveLength(2), { timeout: 30_000 });
          const since = Date.now();
          await sleep(WINDOW_MS);
          expect(apiserverRate(sim, since)).toBeLessThanOrEqual(2);
          const latest = live.latest();
          const notices = latest.problems.filter((p) => p.kind === 'degraded').map((p) => p.message);
          for (const text of notices) expect(text).toMatch(notice);
          expect(latest.nodes).toHaveLength(3);
          expect(latest.pods.length).toBeGreaterThan(0);
          // Current: listed within the last couple of polls, never STALE.
          expect(latest.takenAt - (latest.inventoryAt ?? 0)).toBeLessThanOrEqual(2 * INTERVAL_MS);
          expect(latest.metricsSource).toBe('metrics-api');
        }),
      ),
    MINUTE,
  );
});

describe.concurrent('connections reset, one in three', () => {
  it(
    'kmon top nodes and kmon check answer 10 runs in 10, with every figure',
    () =>
      withSim({ resetEveryNth: { n: 3, kinds: 'all' } }, 44, async (sim) => {
        for (let run = 0; run < 10; run++) {
          const [top, check] = await Promise.all([
            kmon(['top', 'nodes', '-o', 'json', '--kubeconfig', sim.kubeconfigPath]),
            kmon(['check', '--kubeconfig', sim.kubeconfigPath]),
          ]);
          expect(top.code, `top run ${run}: ${top.stderr}`).toBe(0);
          const nodes = (JSON.parse(top.stdout) as { items: { disk: unknown; cpu: { percent: number | null } }[] }).items;
          expect(nodes).toHaveLength(3);
          for (const node of nodes) expect(node.disk, `top run ${run}`).not.toBeNull();
          for (const node of nodes) expect(node.cpu.percent, `top run ${run}`).not.toBeNull();
          // The simulated cluster always has a full disk: CRITICAL, never UNKNOWN.
          expect(check.code, `check run ${run}: ${check.stdout}`).toBe(2);
        }
      }),
    2 * MINUTE,
  );

  it(
    'the live screen stays current: node and pod CPU from the Metrics API, disk from every kubelet',
    () =>
      withSim({ resetEveryNth: { n: 3, kinds: 'all' } }, 45, (sim) =>
        withLive(sim, async (live) => {
          await until(() => expect(healthy(live.latest())).toBe(true), { timeout: 30_000 });
          const since = Date.now();
          await sleep(WINDOW_MS);
          expect(apiserverRate(sim, since)).toBeLessThanOrEqual(2);
          const latest = live.latest();
          expect(latest.takenAt - (latest.metricsAt ?? 0)).toBeLessThanOrEqual(20_000);
          expect(latest.podUsage.size).toBeGreaterThan(0);
          expect(latest.summaries.size).toBe(3);
        }),
      ),
    MINUTE,
  );
});

describe.concurrent('clusters that cannot be read', () => {
  it(
    'an apiserver gone (its port closed) and back on the same port: crit with the cause while down, gently; clean within 10 s of the first answer',
    () =>
      withSim({}, 46, (sim) =>
        withLive(sim, async (live) => {
          await until(() => expect(healthy(live.latest())).toBe(true), { timeout: 30_000 });
          await sim.setFaults({ apiserverDown: 'closed' });
          const since = Date.now();
          await until(() => expect(clusterProblem(live.latest())?.message).toBe(`cannot reach ${sim.url}: connection refused`));
          await sleep(WINDOW_MS);
          // Refused connections never reach the log: count what kmon sent (the kube layer's own log).
          const attempts = live.requests.filter((r) => r.at >= since && !r.path.includes('/proxy/')).length;
          expect(attempts / (WINDOW_MS / 1000)).toBeLessThanOrEqual(2);
          await sim.setFaults({ apiserverDown: false });
          const back = Date.now();
          await until(() => expect(sim.requestsSince(back).some((r) => r.status === 200)).toBe(true), { timeout: 40_000 });
          const firstAnswer = sim.requestsSince(back).find((r) => r.status === 200)?.arrivedAt ?? 0;
          await until(() => expect(healthy(live.latest())).toBe(true), { timeout: 40_000 });
          expect(Date.now() - firstAnswer).toBeLessThanOrEqual(10_000);
        }),
      ),
    2 * MINUTE,
  );

  it(
    'credentials rejected after a good run: crit "unauthorized", the last figures kept, ≤ 2 requests a second',
    () =>
      withSim({}, 47, (sim) =>
        withLive(sim, async (live) => {
          await until(() => expect(healthy(live.latest())).toBe(true), { timeout: 30_000 });
          const before = live.latest();
          await sim.setFaults({ unauthorized: true });
          const since = Date.now();
          await until(() => expect(clusterProblem(live.latest())).toMatchObject({ label: 'unauthorized' }), { timeout: 20_000 });
          await sleep(WINDOW_MS);
          expect(apiserverRate(sim, since)).toBeLessThanOrEqual(2);
          expect(live.latest().nodes.map((n) => n.uid)).toEqual(before.nodes.map((n) => n.uid));
        }),
      ),
    MINUTE,
  );

  it(
    'watches that hang (the head never comes): each gives up after the request timeout and backs off; the reason shown',
    () =>
      withSim({ hang: ['watch nodes', 'watch pods'] }, 48, (sim) =>
        withLive(
          sim,
          async (live) => {
            const since = Date.now();
            await until(() => expect(clusterProblem(live.latest())?.message).toBe(`no answer from ${sim.url} within 2s`), {
              timeout: 30_000,
            });
            await sleep(WINDOW_MS / 2);
            expect(apiserverRate(sim, since)).toBeLessThanOrEqual(2);
            // Listed once; the frame says how old that is rather than passing it off as current.
            expect(live.latest().nodes).toHaveLength(3);
          },
          2_000,
        ),
      ),
    MINUTE,
  );
});

describe('a server that ignores limit and sends a big list slowly', () => {
  it(
    'the list is taken whole, however long it takes while bytes flow, and asked for once',
    () =>
      withSim({ ignoreLimit: ['pods'], bandwidth: { kinds: ['pods'], bytesPerSecond: 4_000 } }, 49, (sim) =>
        withLive(
          sim,
          async (live) => {
            await until(() => expect(live.latest().podsListed).toBe(true), { timeout: 50_000 });
            const lists = sim.requests.filter((r) => r.kind === 'GET pods');
            expect(lists).toHaveLength(1);
            // It took longer than the request timeout: only silence ends a request.
            const took = live.requests.find((r) => r.path.startsWith('/api/v1/pods?') && r.status === 200)?.durationMs ?? 0;
            expect(took).toBeGreaterThan(2_000);
            expect(live.latest().pods).toHaveLength(sim.cluster.pods().length);
          },
          2_000,
        ),
      ),
    MINUTE,
  );
});

describe.concurrent('the one-shot faces against clusters that cannot be read: never a healthy-looking answer', () => {
  it.each<[string, Partial<Faults>, number, string, string]>([
    [
      'refused (the port closed)',
      { apiserverDown: 'closed' },
      50,
      'cannot reach https://127.0.0.1:PORT: connection refused',
      'unreachable',
    ],
    ['credentials rejected', { unauthorized: true }, 51, 'unauthorized: the credentials were rejected', 'unauthorized'],
    [
      'no answer at all',
      { hang: ['nodes', 'pods', 'metrics nodes', 'metrics pods'] },
      52,
      'no answer from https://127.0.0.1:PORT within 2s',
      'no answer',
    ],
  ])('%s: top exits 1 with one line, check 3 with UNKNOWN, status a red ✗', (_, faults, seed, message, label) =>
    withSim({}, seed, async (sim) => {
      await sim.setFaults(faults);
      const expected = message.replace('https://127.0.0.1:PORT', sim.url);
      const args = ['--kubeconfig', sim.kubeconfigPath, '--request-timeout', '2s'];
      const [nodes, pods, check, status] = await Promise.all([
        kmon(['top', 'nodes', ...args]),
        kmon(['top', 'pods', '-A', ...args]),
        kmon(['check', ...args]),
        kmon(['status', '--format', 'plain', '--no-kubelet', '--kubeconfig', sim.kubeconfigPath], {
          XDG_CACHE_HOME: tempDir('kmon-hostile-'),
          LANG: 'C.UTF-8',
        }),
      ]);
      for (const top of [nodes, pods]) {
        expect(top.code).toBe(1);
        expect(top.stdout).toBe('');
        expect(top.stderr).toBe(`kmon: ${expected}\n`);
      }
      expect(check.code).toBe(3);
      expect(check.stdout).toBe(`UNKNOWN: nodes: ${expected}\n`);
      expect(status.stdout).toMatch(new RegExp(`✗ (${label}|${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`));
    }),
  );
});

describe('the request limiter', () => {
  it('whatever kmon asks for at once, the apiserver sees at most the burst and then qps a second', () =>
    withSim({}, 53, async (sim) => {
      const target = resolveTarget({ kubeconfig: sim.kubeconfigPath, env: {}, homeDir: '/nonexistent' });
      const connection = connect(target, { requestMs: 30_000, kubeletMs: 4_000 }, undefined, { qps: 2, burst: 3 });
      try {
        const since = Date.now();
        await Promise.all(Array.from({ length: 12 }, () => connection.client.listNodes()));
        const arrivals = sim.requestsSince(since).map((r) => r.arrivedAt);
        expect(arrivals).toHaveLength(12);
        // In any stretch of time, no more than the burst plus what the rate refills (one spare for
        // a request whose connection took longer than the next one's).
        for (const [i, start] of arrivals.entries()) {
          for (const end of arrivals.slice(i + 1)) {
            const inside = arrivals.filter((t) => t >= start && t <= end).length;
            expect(inside).toBeLessThanOrEqual(3 + Math.floor(((end - start) / 1000) * 2) + 1);
          }
        }
        expect((arrivals.at(-1) ?? 0) - since).toBeGreaterThanOrEqual(((12 - 3) / 2) * 1000 - 100);
      } finally {
        connection.close();
      }
    }));

  it('--api-qps and --api-burst set it from the command line; --api-qps 0 is bad input', () =>
    withSim({}, 54, async (sim) => {
      const ran = await kmon(['top', 'nodes', '--kubeconfig', sim.kubeconfigPath, '--api-qps', '1', '--api-burst', '1']);
      expect(ran.code, ran.stderr).toBe(0);
      const bad = await kmon(['top', 'nodes', '--kubeconfig', sim.kubeconfigPath, '--api-qps', '0']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/^kmon: option '--api-qps <n>' argument '0' is invalid/);
    }));
});
