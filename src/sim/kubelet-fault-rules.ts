import { setTimeout as sleep } from 'node:timers/promises';
import { bodyText, rewriteObjects } from './fault-body.js';
import type { FaultRule } from './fault-switches.js';
import { HOSTILE } from './hostile-text.js';
import { proxiedKubelet } from './kubelet-path.js';
import { SIM_USER } from './sim-user.js';
import { statusResponse } from './status-body.js';

// Faults of the kubelets behind the apiserver's node proxy.

export const nodeProxy: FaultRule = async (faults, request, next) => {
  const target = proxiedKubelet(request);
  if (faults.nodeProxy === 'ok' || !target) return next();
  const message = `nodes "${target.node}" is forbidden: User "${SIM_USER}" cannot get resource "nodes/proxy" in API group "" at the cluster scope`;
  return statusResponse(403, 'Forbidden', message, { name: target.node, kind: 'nodes' });
};

export const slowKubelet: FaultRule = async (faults, request, next) => {
  const slow = faults.slowKubelet;
  if (!slow || proxiedKubelet(request)?.node !== slow.node) return next();
  try {
    await sleep(slow.delayMs, undefined, { signal: request.signal });
  } catch {
    // The client gave up or the sim is stopping; what is answered no longer matters.
  }
  return next();
};

const isSummaryOf = (node: string | null, request: Parameters<FaultRule>[1]) => {
  const target = proxiedKubelet(request);
  return node !== null && target?.node === node && target.path === 'stats/summary';
};

export const malformedSummary: FaultRule = async (faults, request, next) => {
  if (!isSummaryOf(faults.malformedSummary, request)) return next();
  const response = await next();
  if (response.status !== 200) return response;
  const whole = await bodyText(response.body);
  return { ...response, body: whole.slice(0, Math.floor(whole.length / 2)) };
};

type Json = Record<string, unknown>;

/** The summary of a node whose stats providers failed: blocks null or missing, as the Summary API allows. */
function hollowOut(summary: Json): void {
  const node = (summary.node ?? {}) as Json;
  node.fs = null;
  delete node.runtime;
  delete node.network;
  node.cpu = { time: 'yesterday-ish', usageNanoCores: null };
  node.memory = null;
  const pods = Array.isArray(summary.pods) ? (summary.pods as unknown[]) : [];
  pods.forEach((pod, i) => {
    if (i % 3 === 0) pods[i] = null;
    else if (pod && typeof pod === 'object') {
      (pod as Json).containers = i % 3 === 1 ? null : [{ name: 'x', cpu: null, memory: { workingSetBytes: 'lots' } }];
      (pod as Json)['ephemeral-storage'] = { usedBytes: -1 };
    }
  });
}

export const sparseSummary: FaultRule = async (faults, request, next) => {
  if (!isSummaryOf(faults.sparseSummary, request)) return next();
  return rewriteObjects(await next(), hollowOut);
};

const MiB = 1024 * 1024;
const PADDING = ' '.repeat(MiB);

async function* padded(body: string, mebibytes: number): AsyncGenerator<string> {
  yield body;
  // Whitespace after the document is still valid JSON: only a size limit can stop it.
  for (let i = 0; i < mebibytes; i++) yield PADDING;
}

export const hugeSummary: FaultRule = async (faults, request, next) => {
  if (!isSummaryOf(faults.hugeSummary, request)) return next();
  const response = await next();
  if (response.status !== 200) return response;
  return { ...response, body: padded(await bodyText(response.body), 24) };
};

/** The hostile node's kubelet fails with a plain-text body, which the proxy passes on as it is. */
export const hostileKubelet: FaultRule = async (faults, request, next) => {
  if (!isSummaryOf(faults.hostileText, request)) return next();
  return { status: 502, contentType: 'text/plain; charset=utf-8', body: `kubelet ${HOSTILE.errorBody} exploded\n` };
};
