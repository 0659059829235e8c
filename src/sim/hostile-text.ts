import { kindOf, rewriteObjects } from './fault-body.js';
import type { FaultRule } from './fault-switches.js';

// What a compromised node or a malicious workload can put in the strings a monitor prints: a window
// title (OSC 0), a clipboard write (OSC 52), a screen clear, blinking red, a full terminal reset,
// bells, an 8-bit CSI, a DCS query and a right-to-left override.
const SEQUENCES = '\x1b]0;kmon-pwned\x07\x1b]52;c;cHduZWQ=\x1b\\\x1b[2J\x1b[5;41m\x1bc\x07\u009b7m\x1bP+q544e\x1b\\\u202e';

export const HOSTILE = {
  /** The text an OSC 0 in these strings would make the window title. */
  title: 'kmon-pwned',
  conditionMessage: `memory eaten by${SEQUENCES}gremlins`,
  labelKey: 'kmon.test/evil',
  labelValue: `evil${SEQUENCES}label`,
  waitingReason: `Evil${SEQUENCES}Reason`,
  errorBody: `boom${SEQUENCES}bang`,
} as const;

type Json = Record<string, unknown>;

const read = (object: Json, name: string): Json => {
  const value = object[name];
  return value && typeof value === 'object' ? (value as Json) : {};
};

const field = (object: Json, name: string): Json => {
  const value = object[name];
  if (value && typeof value === 'object') return value as Json;
  const made: Json = {};
  object[name] = made;
  return made;
};

function poisonNode(node: Json): void {
  field(field(node, 'metadata'), 'labels')[HOSTILE.labelKey] = HOSTILE.labelValue;
  const conditions = read(node, 'status').conditions;
  for (const condition of Array.isArray(conditions) ? (conditions as Json[]) : []) {
    if (condition.type !== 'MemoryPressure') continue;
    condition.status = 'True';
    condition.reason = 'KubeletHasInsufficientMemory';
    condition.message = HOSTILE.conditionMessage;
  }
}

function poisonPod(pod: Json): void {
  field(field(pod, 'metadata'), 'labels')[HOSTILE.labelKey] = HOSTILE.labelValue;
  const statuses = read(pod, 'status').containerStatuses;
  const first = Array.isArray(statuses) ? (statuses[0] as Json | undefined) : undefined;
  if (!first) return;
  first.ready = false;
  first.state = { waiting: { reason: HOSTILE.waitingReason, message: HOSTILE.conditionMessage } };
}

/** The hostile node's object, and every pod on it, carry escape sequences in their strings. */
export const hostileObjects: FaultRule = async (faults, request, next) => {
  const node = faults.hostileText;
  const kind = kindOf(request);
  if (node === null) return next();
  if (kind === 'nodes' || kind === 'watch nodes') {
    return rewriteObjects(await next(), (o) => {
      if (read(o, 'metadata').name === node) poisonNode(o);
    });
  }
  if (kind === 'pods' || kind === 'watch pods') {
    return rewriteObjects(await next(), (o) => {
      if (read(o, 'spec').nodeName === node) poisonPod(o);
    });
  }
  return next();
};
