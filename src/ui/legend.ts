// What alerts are judged against and what sparklines are drawn against, in words: the help
// overlay shows these lines and the README says the same (a test holds them together).

/**
 * Pods are judged against their limit, where harm starts: CPU is throttled there and memory is
 * OOM-killed. The request is what the scheduler set aside; a pod above it is using spare capacity,
 * which is normal, and alerting on it at 70/90% would flag most healthy pods.
 */
export const LEGEND: readonly string[] = [
  'Nodes alert on CPU and memory at % of allocatable, and on disk at % of the node filesystem.',
  'Pods alert on CPU and memory at % of their limit (CPU/L, MEM/L): above the request is normal.',
  "Pod sparklines are drawn against the pod's limit, else on one scale for the pods on screen.",
  'THR% is the share of CPU periods a pod was throttled in, read for the nodes of the pods on screen.',
  'EPH% is ephemeral storage against the limit (else the request); PSI columns show only where reported.',
];
