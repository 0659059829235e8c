import { type Level, worstLevel } from './levels.js';
import type { NodeCondition, NodeInfo } from './records.js';

export interface NodeHealth {
  readonly ready: boolean | null;
  /** "Ready", "NotReady", "Ready,Disk,Cordoned"… */
  readonly status: string;
  readonly level: Level;
  /** Alerting conditions by name: NotReady, DiskPressure… */
  readonly alerts: readonly string[];
  /** One human reason per alerting condition, with the kubelet's message. */
  readonly reasons: readonly string[];
}

// A pressure condition means the kubelet is already evicting pods, so it is critical.
const PRESSURES: ReadonlyArray<readonly [string, string]> = [
  ['MemoryPressure', 'Mem'],
  ['DiskPressure', 'Disk'],
  ['PIDPressure', 'PID'],
  ['NetworkUnavailable', 'Net'],
];

/** Ready must be True; every other condition (pressures, NetworkUnavailable) must not be. */
export function conditionAlerting(condition: NodeCondition): boolean {
  return condition.type === 'Ready' ? condition.status !== 'True' : condition.status === 'True';
}

// Worked out once per node object (a watch replaces it when the node changes), not for every frame.
const known = new WeakMap<NodeInfo, NodeHealth>();

export function nodeHealth(node: NodeInfo): NodeHealth {
  let health = known.get(node);
  if (!health) {
    health = healthOf(node);
    known.set(node, health);
  }
  return health;
}

function healthOf(node: NodeInfo): NodeHealth {
  const ready = node.conditions.find((c) => c.type === 'Ready');
  const isReady = ready === undefined ? null : ready.status === 'True';
  const flags: string[] = [isReady === null ? 'Unknown' : isReady ? 'Ready' : 'NotReady'];
  const levels: Level[] = [isReady === true ? 'ok' : 'crit'];
  const reasons: string[] = [];
  const alerts: string[] = isReady === true ? [] : ['NotReady'];
  if (isReady !== true) reasons.push(`NotReady: ${ready?.message || ready?.reason || 'no Ready condition'}`);
  for (const [type, flag] of PRESSURES) {
    const condition = node.conditions.find((c) => c.type === type);
    if (condition?.status !== 'True') continue;
    flags.push(flag);
    alerts.push(type);
    levels.push('crit');
    reasons.push(`${type}: ${condition.message || condition.reason}`);
  }
  if (node.unschedulable) flags.push('Cordoned');
  return { ready: isReady, status: flags.join(','), level: worstLevel(...levels), alerts, reasons };
}
