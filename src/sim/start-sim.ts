import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coreRoutes } from './core-routes.js';
import { discoveryRoutes } from './discovery-routes.js';
import { checkedFaults, type Faults, NO_FAULTS, withFaults } from './faults.js';
import { kubeletRoutes } from './kubelet-routes.js';
import { metricsRoutes } from './metrics-routes.js';
import { Pulse } from './pulse.js';
import { RequestLog, type RequestRecord } from './request-log.js';
import { router } from './router.js';
import type { DiskFill } from './scenarios.js';
import { type ServiceBackends, serviceProxyRoutes } from './service-proxy-routes.js';
import { clusterView, type SimCluster } from './sim-cluster.js';
import type { Handler } from './sim-response.js';
import { listen } from './sim-server.js';
import { SIM_USER } from './sim-user.js';
import { SimWorld } from './sim-world.js';
import { createTlsMaterial } from './tls-material.js';
import { writeKubeconfig } from './write-kubeconfig.js';

export type { Faults } from './faults.js';
export type { RequestRecord } from './request-log.js';
export type { SimCluster, SimPod, SimPodRef, SimRoles } from './sim-cluster.js';

export interface SimOptions {
  /** Default 6. */
  nodes?: number;
  /** Default 8. */
  podsPerNode?: number;
  /** Default 1. */
  seed?: number;
  /** Default 0 (ephemeral); the host is always 127.0.0.1. */
  port?: number;
  /** Where to write the kubeconfig; default a fresh temporary directory, removed on stop(). */
  kubeconfigDir?: string;
  /** Default 'kmon-sim'. */
  contextName?: string;
  /** How often metrics-server "scrapes" (its timestamps advance); default 15000. */
  metricResolutionMs?: number;
  /** The simulated clock; default Date.now. Connection timing (watch timeouts, delays) stays real. */
  now?: () => number;
  /**
   * The filling disk fills from `from` (a share of capacity, e.g. 0.85) by `perMinute` (0.03 for
   * 3% a minute) from the start, instead of its default cycle (70% to 95% every 6 minutes).
   */
  diskFill?: DiskFill;
  faults?: Partial<Faults>;
  /**
   * Services behind the apiserver's service proxy, "NAMESPACE/NAME:PORT" → the URL of the server
   * that answers for it (a Prometheus on loopback); none by default.
   */
  services?: ServiceBackends;
}

export interface Sim {
  /** https://127.0.0.1:PORT */
  url: string;
  /** A kubeconfig trusting the sim's CA (certificate-authority-data), with the bearer token. */
  kubeconfigPath: string;
  contextName: string;
  /** The bearer token accepted now; see rotateToken. */
  readonly token: string;
  caPem: string;
  /** The last 10,000 requests in arrival order (a ring, so a long benchmark stays bounded). */
  readonly requests: readonly RequestRecord[];
  /** Requests ever seen, per kind ("GET pods", "GET watch nodes", "GET kubelet summary", "POST other"…). */
  requestCounts(): Readonly<Record<string, number>>;
  /** The kept requests that arrived at or after `at`, a real time (Date.now()), whatever the simulated clock. */
  requestsSince(at: number): readonly RequestRecord[];
  /**
   * Requests per second of each kind ("GET pods"…) that arrived from `since` to `until` (real
   * times, Date.now(); until defaults to now), from the kept requests.
   */
  requestRates(since: number, until?: number): Readonly<Record<string, number>>;
  /**
   * Changes the switches named; the others keep their state. Throws a RangeError at once for a bad
   * count or rate. Resolves once the apiserver's listener is closed or listening again (at once
   * when apiserverDown is not among them).
   */
  setFaults(f: Partial<Faults>): Promise<void>;
  /**
   * Issues a new token (`next`, or a random one) and rejects the old one from now on (401), as when
   * a credential expires; the sim's kubeconfig is rewritten with the new one.
   */
  rotateToken(next?: string): Promise<string>;
  /** Read access to the current simulated state, for tests. */
  cluster: SimCluster;
  /** Puts a Service behind the service proxy ("NAMESPACE/NAME:PORT" → its server's URL), or takes it away (null). */
  setService(key: string, url: string | null): void;
  /** Closes the server and every socket, open watches included. */
  stop(): Promise<void>;
}

function checkedFill(fill: DiskFill): DiskFill {
  if (!(fill.from >= 0 && fill.from < 1)) throw new RangeError(`diskFill.from must be a share from 0 to 1, not ${fill.from}`);
  if (!(fill.perMinute > 0 && fill.perMinute <= 1))
    throw new RangeError(`diskFill.perMinute must be a share above 0, not ${fill.perMinute}`);
  return fill;
}

function checked(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be an integer of at least ${min}, not ${value}`);
  return value;
}

/** The cluster's endpoints behind the fault rules; each request first brings the world up to the clock. */
function clusterHandler(world: SimWorld, pulse: Pulse, faults: () => Faults, services: ServiceBackends): Handler {
  const routes = router([
    ...discoveryRoutes(faults),
    ...coreRoutes(world, pulse),
    ...metricsRoutes(world),
    ...kubeletRoutes(world),
    ...serviceProxyRoutes(services),
  ]);
  return withFaults(faults, (request) => {
    if (world.sync()) pulse.fire();
    return routes(request);
  });
}

export async function startSim(options: SimOptions = {}): Promise<Sim> {
  const clock = options.now ?? Date.now;
  const world = new SimWorld({
    seed: options.seed ?? 1,
    nodes: checked('nodes', options.nodes ?? 6, 1),
    podsPerNode: checked('podsPerNode', options.podsPerNode ?? 8, 1),
    metricResolutionMs: checked('metricResolutionMs', options.metricResolutionMs ?? 15_000, 1000),
    clock,
    scenarios: { diskFill: options.diskFill && checkedFill(options.diskFill) },
  });
  let faults: Faults = { ...NO_FAULTS, ...checkedFaults(options.faults ?? {}) };
  const pulse = new Pulse();
  const stopping = new AbortController();
  // Every request in flight listens for the sim stopping; at 5,000 nodes that is far more than 10.
  setMaxListeners(100_000, stopping.signal);
  const log = new RequestLog();
  let token = randomBytes(24).toString('hex');
  const tls = await createTlsMaterial();
  const services: Record<string, string> = { ...options.services };
  const handler = clusterHandler(world, pulse, () => faults, services);
  const listener = await listen({
    tls,
    token: () => token,
    rejectAll: () => faults.unauthorized,
    refuse: () => faults.apiserverDown === true,
    port: options.port ?? 0,
    log,
    clock,
    handler,
    stopping: stopping.signal,
  });
  const { server, port } = listener;
  await listener.setOpen(faults.apiserverDown !== 'closed');
  if (faults.removed.nodes.length || faults.removed.namespaces.length) world.setRemoved(faults.removed.nodes, faults.removed.namespaces);
  // Watches learn of scheduled changes even when no request comes in.
  const pump = setInterval(() => world.sync() && pulse.fire(), 200);
  pump.unref();
  const ownDir = options.kubeconfigDir === undefined;
  const dir = options.kubeconfigDir ?? (await mkdtemp(join(tmpdir(), 'kmon-sim-')));
  const contextName = options.contextName ?? 'kmon-sim';
  const url = `https://127.0.0.1:${port}`;
  const kubeconfigPath = join(dir, 'kubeconfig');
  const writeOwnKubeconfig = () =>
    writeKubeconfig(kubeconfigPath, { server: url, caPem: tls.caPem, token, contextName, userName: SIM_USER });
  await writeOwnKubeconfig();
  const stop = once(async () => {
    clearInterval(pump);
    stopping.abort();
    await listener.setOpen(false);
    if (ownDir) await rm(dir, { recursive: true, force: true });
  });
  return {
    url,
    kubeconfigPath,
    contextName,
    get token() {
      return token;
    },
    caPem: tls.caPem,
    get requests() {
      return log.records();
    },
    requestCounts: () => log.countsByKind(),
    requestsSince: (at) => log.since(at),
    requestRates: (since, until = Date.now()) => rates(log.since(since), since, until),
    setFaults: (f) => {
      faults = { ...faults, ...checkedFaults(f) };
      // The apiserver going down takes every open connection with it, watches included.
      if (f.apiserverDown === true) server.closeAllConnections();
      if (f.removed) {
        world.setRemoved(f.removed.nodes, f.removed.namespaces);
        pulse.fire();
      }
      return f.apiserverDown === undefined ? Promise.resolve() : listener.setOpen(f.apiserverDown !== 'closed');
    },
    rotateToken: async (next) => {
      token = next ?? randomBytes(24).toString('hex');
      await writeOwnKubeconfig();
      return token;
    },
    cluster: clusterView(world),
    setService: (key, url) => {
      if (url === null) delete services[key];
      else services[key] = url;
    },
    stop,
  };
}

function rates(records: readonly RequestRecord[], since: number, until: number): Record<string, number> {
  const seconds = Math.max(until - since, 1) / 1000;
  const counts: Record<string, number> = {};
  for (const r of records) if (r.arrivedAt < until) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).map(([kind, n]) => [kind, n / seconds]));
}

/** A function that runs its body on the first call and hands every caller the same promise. */
function once(run: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | null = null;
  return () => {
    done ??= run();
    return done;
  };
}
