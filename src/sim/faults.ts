import { metricsApi, metricsTimestamps } from './api-fault-rules.js';
import type { FaultRule, Faults } from './fault-switches.js';
import { hostileObjects } from './hostile-text.js';
import { hostileKubelet, hugeSummary, malformedSummary, nodeProxy, slowKubelet, sparseSummary } from './kubelet-fault-rules.js';
import { emptyWatches, ignoreLimit, loginPage, watchAsList } from './proxy-fault-rules.js';
import type { Handler, SimRequest, SimResponse } from './sim-response.js';
import { bandwidth, hang, stallMidBody } from './stall-fault-rules.js';
import { garbleResponses, resetEveryNth, resetRequests, serverErrors, truncateResponses } from './wire-fault-rules.js';

export type { FaultRule, Faults } from './fault-switches.js';

export const NO_FAULTS: Faults = {
  metricsApi: 'ok',
  nodeProxy: 'ok',
  slowKubelet: null,
  malformedSummary: null,
  sparseSummary: null,
  hugeSummary: null,
  apiserverDown: false,
  unauthorized: false,
  resetRequests: [],
  resetEveryNth: null,
  hang: [],
  stallMidBody: [],
  bandwidth: null,
  loginPage: [],
  watchAsList: [],
  emptyWatches: [],
  ignoreLimit: [],
  truncateResponses: [],
  garbleResponses: [],
  serverErrors: null,
  metricsTimestamps: 'ok',
  hostileText: null,
  removed: { nodes: [], namespaces: [] },
};

/** Switches checked as they are set: a bad count or rate is the test's mistake, said at once. */
export function checkedFaults(f: Partial<Faults>): Partial<Faults> {
  const every = f.resetEveryNth;
  if (every && !(Number.isInteger(every.n) && every.n >= 1))
    throw new RangeError(`resetEveryNth.n must be a whole number of at least 1, not ${every.n}`);
  const cap = f.bandwidth;
  if (cap && !(cap.bytesPerSecond > 0)) throw new RangeError(`bandwidth.bytesPerSecond must be above 0, not ${cap.bytesPerSecond}`);
  // A fresh object, so setting the same count again starts it again (see resetEveryNth).
  return every ? { ...f, resetEveryNth: { ...every } } : f;
}

/**
 * Adding a fault is a field in Faults, its default in NO_FAULTS, and one rule here. Rules run in
 * order, each around the ones after it: connection faults first (a reset request never reaches
 * anything else), then the pacing and stalls that act on whatever answer comes back, then the
 * proxies that answer in the apiserver's place, then the apiserver's and kubelets' own faults.
 * (apiserverDown, unauthorized and removed act on connections, authentication and the world, not
 * through this chain: see sim-server.ts, start-sim.ts and presence.ts.)
 */
function rules(): readonly FaultRule[] {
  return [
    resetEveryNth(),
    resetRequests,
    hang,
    bandwidth,
    stallMidBody,
    loginPage,
    watchAsList,
    emptyWatches,
    ignoreLimit,
    serverErrors,
    truncateResponses,
    garbleResponses,
    metricsApi,
    metricsTimestamps,
    nodeProxy,
    slowKubelet,
    hostileKubelet,
    malformedSummary,
    sparseSummary,
    hugeSummary,
    hostileObjects,
  ];
}

/** Wraps the cluster's handler in every fault rule, reading the switches afresh per request. */
export function withFaults(current: () => Faults, handler: Handler): Handler {
  const chain = rules();
  return (request) => {
    const faults = current();
    const run = (i: number, r: SimRequest): Promise<SimResponse> => {
      const rule = chain[i];
      return rule ? rule(faults, r, (rewritten) => run(i + 1, rewritten ?? r)) : Promise.resolve(handler(r));
    };
    return run(0, request);
  };
}
