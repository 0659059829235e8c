import type { Figure } from './figure.js';
import { type Level, worstLevel } from './levels.js';
import type { NetworkRates } from './network-rates.js';
import { percentOf } from './pod-resources.js';
import type { PodStats } from './pod-stats-index.js';
import { type Pressure, pressureText, worstPressure } from './pressure.js';
import type { ResourceAmounts } from './records.js';
import type { Snapshot } from './snapshot.js';
import { levelOf, type Thresholds } from './thresholds.js';
import type { PodThrottling } from './throttling.js';

/** A pod's ephemeral storage against its limit, else its request (`base` says which). */
export interface EphemeralFigure extends Figure {
  readonly base: 'limit' | 'request' | null;
}

export interface ThrottlingFigure extends PodThrottling {
  readonly level: Level;
  /** When the node's cAdvisor was last read. */
  readonly readAt: number;
}

/** What the kubelet says of a pod beyond CPU and memory; each null where it was not read. */
export interface PodSignals {
  readonly throttling: ThrottlingFigure | null;
  readonly ephemeral: EphemeralFigure | null;
  readonly pressure: Pressure | null;
  /** The pressure alert, when pressure thresholds are set. */
  readonly pressureLevel: Level;
  readonly network: NetworkRates | null;
  readonly level: Level;
  readonly reasons: readonly string[];
}

interface PodKey {
  readonly namespace: string;
  readonly name: string;
  readonly nodeName: string | null;
}

/** The pod's stats from its node's last summary, and its throttling from its node's last cAdvisor reads. */
export function podKubeletData(pod: PodKey, snapshot: Snapshot) {
  const fetched = pod.nodeName === null ? undefined : snapshot.summaries.get(pod.nodeName);
  const cadvisor = pod.nodeName === null ? undefined : snapshot.kubelet?.throttling.get(pod.nodeName);
  const key = `${pod.namespace}/${pod.name}`;
  return {
    stats: fetched?.summary.podStats?.get(pod.namespace, pod.name) ?? null,
    rates: fetched?.rates?.pods.get(key) ?? null,
    throttling: cadvisor ? { figure: cadvisor.pods.get(key) ?? null, readAt: cadvisor.fetchedAt } : null,
  };
}

/** How rows and alerts word these, alike: "CPU throttled in 40% of periods". */
export const throttlingText = (percent: number) => `CPU throttled in ${Math.trunc(percent)}% of periods`;
export const ephemeralText = (f: EphemeralFigure) => `ephemeral storage at ${Math.trunc(f.percent ?? 0)}% of ${f.base ?? 'limit'}`;

export function ephemeralFigure(
  stats: PodStats | null,
  requests: ResourceAmounts,
  limits: ResourceAmounts,
  thresholds: Thresholds,
): EphemeralFigure | null {
  const used = stats?.ephemeral?.usedBytes;
  if (used == null) return null;
  const limit = limits.ephemeralBytes ?? null;
  const request = requests.ephemeralBytes ?? null;
  const base = limit !== null ? 'limit' : request !== null ? 'request' : null;
  const total = limit ?? request;
  const percent = percentOf(used, total);
  return { used, total, percent, base, level: levelOf(percent, thresholds.ephemeral) };
}

export function podSignals(
  pod: PodKey,
  snapshot: Snapshot,
  amounts: { readonly requests: ResourceAmounts; readonly limits: ResourceAmounts },
  thresholds: Thresholds,
): PodSignals {
  const data = podKubeletData(pod, snapshot);
  const thr = data.throttling?.figure;
  const throttling =
    thr && data.throttling ? { ...thr, readAt: data.throttling.readAt, level: levelOf(thr.percent, thresholds.throttling) } : null;
  const ephemeral = ephemeralFigure(data.stats, amounts.requests, amounts.limits, thresholds);
  const pressure = data.stats?.pressure ?? null;
  const worst = worstPressure(pressure);
  const pressureLevel = levelOf(worst?.percent ?? null, thresholds.pressure);
  const reasons: string[] = [];
  if (throttling && throttling.level !== 'ok') reasons.push(throttlingText(throttling.percent));
  if (ephemeral && ephemeral.level !== 'ok') reasons.push(ephemeralText(ephemeral));
  if (worst && pressureLevel !== 'ok') reasons.push(pressureText(worst));
  return {
    throttling,
    ephemeral,
    pressure,
    pressureLevel,
    network: data.rates,
    level: worstLevel(throttling?.level ?? 'ok', ephemeral?.level ?? 'ok', pressureLevel),
    reasons,
  };
}
