import type { Problem } from '../model/problems.js';

const SHOWN = 3;

/** Problems as stderr lines, kubelet failures folded so 500 unreachable nodes are not 500 lines. */
export function warningLines(problems: readonly Problem[]): string[] {
  const kubelet = problems.filter((p) => p.source === 'kubelet');
  const lines = problems.filter((p) => p.source !== 'kubelet').map((p) => `kmon: warning: ${p.message}`);
  for (const p of kubelet.slice(0, SHOWN)) lines.push(`kmon: warning: ${p.message}`);
  if (kubelet.length > SHOWN) lines.push(`kmon: warning: …and ${kubelet.length - SHOWN} more kubelets could not be read`);
  return lines;
}
