import type { KubeClient } from '../../kube/kube-client.js';
import type { ClusterFlags } from '../cluster-flags.js';
import type { CachedDisk } from './status-cache.js';

/** Every node's filesystem figures, read from its kubelet under the usual request budget. */
export async function readDisk(client: KubeClient, flags: ClusterFlags): Promise<Record<string, CachedDisk>> {
  const { KubeletSweeper } = await import('../../collect/kubelet-sweeper.js');
  const nodes = await client.listNodes();
  const sweeper = new KubeletSweeper({
    reader: client,
    concurrency: flags.kubeletConcurrency,
    qps: flags.kubeletQps,
    burst: flags.kubeletBurst,
    refreshMs: 0,
  });
  sweeper.setNodes(nodes.items.map((n) => n.name));
  await sweeper.sweepOnce();
  const disk: Record<string, CachedDisk> = {};
  for (const [name, { summary, fetchedAt }] of sweeper.summaries())
    disk[name] = { fs: summary.fs, imageFs: summary.imageFs, at: fetchedAt };
  return disk;
}
