import { metricsApi, metricsTimestamps } from './api-fault-rules.js';
import type { FaultRule, Faults } from './fault-switches.js';
import { hostileObjects } from './hostile-text.js';
import { hostileKubelet, hugeSummary, malformedSummary, nodeProxy, slowKubelet, sparseSummary } from './kubelet-fault-rules.js';
import type { Handler, SimResponse } from './sim-response.js';
import { garbleResponses, resetRequests, serverErrors, truncateResponses } from './wire-fault-rules.js';

export type { FaultRule, Faults } from './fault-switches.js';

export const NO_FAULTS: Faults = {
  metricsApi: 'ok',
  nodeProxy: 'ok',
  slowKubelet: null,
  malformedSummary: null,
  sparseSummary: null,
  hugeSummary: null,
  apiserverDown: false,
  resetRequests: [],
  truncateResponses: [],
  garbleResponses: [],
  serverErrors: null,
  metricsTimestamps: 'ok',
  hostileText: null,
  removed: { nodes: [], namespaces: [] },
};

// Adding a fault is a field in Faults, its default in NO_FAULTS, and one rule in RULES, connection
// faults first: a reset request never reaches anything else. (apiserverDown and removed act on
// connections and on the world, not on single requests: see sim-server.ts and presence.ts.)
const RULES: readonly FaultRule[] = [
  resetRequests,
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

/** Wraps the cluster's handler in every fault rule, reading the switches afresh per request. */
export function withFaults(current: () => Faults, handler: Handler): Handler {
  return (request) => {
    const faults = current();
    const run = (i: number): Promise<SimResponse> => {
      const rule = RULES[i];
      return rule ? rule(faults, request, () => run(i + 1)) : Promise.resolve(handler(request));
    };
    return run(0);
  };
}
