// What the soak switches on and off, in turn: every fault the simulated cluster has, each for a
// while, with healthy spells between them so recovery is exercised as often as failure.
import type { Faults } from '../src/sim/faults.js';

export interface SoakStep {
  readonly name: string;
  readonly faults: Partial<Faults>;
  /** Also rotate the token (the kubeconfig's token file follows it). */
  readonly rotateToken?: boolean;
}

export function soakSteps(nodes: readonly string[]): SoakStep[] {
  const node = nodes[1] ?? '';
  const metrics = ['metrics nodes', 'metrics pods'];
  return [
    { name: 'apiserver down', faults: { apiserverDown: true } },
    { name: 'metrics reset', faults: { resetRequests: metrics } },
    { name: 'summaries cut', faults: { truncateResponses: ['kubelet summary'] } },
    { name: 'metrics garbled', faults: { garbleResponses: metrics } },
    { name: '429 metrics', faults: { serverErrors: { kinds: metrics, status: 429, retryAfterSeconds: 2 } } },
    { name: '500 summaries', faults: { serverErrors: { kinds: ['kubelet summary'], status: 500, retryAfterSeconds: null } } },
    { name: 'kubelet hangs', faults: { slowKubelet: { node, delayMs: 600_000 } } },
    { name: 'huge summary', faults: { hugeSummary: node } },
    { name: 'bad summaries', faults: { malformedSummary: node, sparseSummary: nodes[2] ?? node } },
    { name: 'no metrics-server', faults: { metricsApi: 'absent' } },
    { name: 'metrics 503', faults: { metricsApi: 'unavailable' } },
    { name: 'metrics 403', faults: { metricsApi: 'forbidden' } },
    { name: 'nodes/proxy 403', faults: { nodeProxy: 'forbidden' } },
    { name: 'clock skew', faults: { metricsTimestamps: 'future' } },
    { name: 'no timestamps', faults: { metricsTimestamps: 'unparsable' } },
    { name: 'hostile text', faults: { hostileText: node } },
    { name: 'nodes+ns removed', faults: { removed: { nodes: [node, nodes[3] ?? node], namespaces: ['monitoring'] } } },
    { name: 'token rotated', faults: {}, rotateToken: true },
  ];
}
