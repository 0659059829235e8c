import type { NodeSpec } from './cluster-layout.js';

// The kubelet's /configz: its running KubeletConfiguration, wrapped as {"kubeletconfig": {...}}.
// A part of a real one; the eviction thresholds are the kubelet's defaults, except on the big
// machines (16 cores and up), whose pool is set to keep more memory and disk in hand, as operators do.

const DEFAULT_EVICTION = { 'imagefs.available': '15%', 'memory.available': '100Mi', 'nodefs.available': '10%', 'nodefs.inodesFree': '5%' };
const ROOMY_EVICTION = { 'imagefs.available': '15%', 'memory.available': '500Mi', 'nodefs.available': '12%', 'nodefs.inodesFree': '5%' };

export function kubeletConfigz(node: NodeSpec) {
  const roomy = node.machine.cpuCores >= 16;
  return {
    kubeletconfig: {
      enableServer: true,
      staticPodPath: '/etc/kubernetes/manifests',
      syncFrequency: '1m0s',
      fileCheckFrequency: '20s',
      httpCheckFrequency: '20s',
      address: '0.0.0.0',
      port: 10250,
      authentication: {
        x509: { clientCAFile: '/etc/kubernetes/pki/ca.crt' },
        webhook: { enabled: true, cacheTTL: '2m0s' },
        anonymous: { enabled: false },
      },
      authorization: { mode: 'Webhook', webhook: { cacheAuthorizedTTL: '5m0s', cacheUnauthorizedTTL: '30s' } },
      clusterDomain: 'cluster.local',
      clusterDNS: ['10.96.0.10'],
      imageGCHighThresholdPercent: 85,
      imageGCLowThresholdPercent: 80,
      evictionHard: roomy ? ROOMY_EVICTION : DEFAULT_EVICTION,
      evictionPressureTransitionPeriod: '5m0s',
      maxPods: 110,
      cgroupDriver: 'systemd',
      containerRuntimeEndpoint: 'unix:///run/containerd/containerd.sock',
    },
  };
}
