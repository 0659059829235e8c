import type { PodInfo } from '../model/records.js';

/**
 * Which pods' disk use a summary read without its pods keeps: those with an ephemeral-storage limit
 * or request, the only ones whose EPH% can alert or sort. On a big cluster that spares keeping
 * 150,000 pods' figures (about 100 bytes each) that only a detail view would show; the nodes of
 * pods on screen are read in full anyway.
 */
export class PodDiskFilter {
  private pods: readonly PodInfo[] | null = null;
  private wanted = new Set<string>();

  keep(pods: readonly PodInfo[]): (namespace: string, name: string) => boolean {
    if (pods !== this.pods) {
      this.pods = pods;
      this.wanted = new Set();
      for (const pod of pods) if (pod.containers.some(sized)) this.wanted.add(`${pod.namespace}/${pod.name}`);
    }
    const wanted = this.wanted;
    return (namespace, name) => wanted.has(`${namespace}/${name}`);
  }
}

const sized = (c: PodInfo['containers'][number]) => c.limits.ephemeralBytes != null || c.requests.ephemeralBytes != null;
