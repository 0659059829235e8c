import { ARRAY, type JsonBytes, OBJECT, STRING } from '../json-bytes.js';

// The parts of a PodMetrics item that decodePodMetrics reads, taken from its bytes: the rest
// (labels, creationTimestamp, window…) is checked and skipped, never made into objects. The result
// is the item as JSON.parse would give it, less what no check reads, so addPodMetrics checks it
// with the same words. A value of the wrong kind stands in as an empty one of its kind.

const NO_OBJECT: Readonly<Record<string, never>> = Object.freeze({});
const NO_ARRAY: readonly never[] = Object.freeze([]);

function standIn(kind: number): unknown {
  if (kind === OBJECT) return NO_OBJECT;
  if (kind === ARRAY) return NO_ARRAY;
  return 0;
}

/** A value that matters only as a string: the string, or a stand-in of its kind. */
function text(r: JsonBytes): unknown {
  const kind = r.kind();
  if (kind === STRING) {
    r.string();
    return r.text();
  }
  r.skip();
  return standIn(kind);
}

/** An object of which only the members named in `read` matter: those read, the rest skipped. */
function members(r: JsonBytes, read: (r: JsonBytes, out: Record<string, unknown>) => boolean): unknown {
  const kind = r.kind();
  if (kind !== OBJECT) {
    r.skip();
    return standIn(kind);
  }
  const out: Record<string, unknown> = {};
  r.openObject();
  for (let first = true; r.nextMember(first); first = false) if (!read(r, out)) r.skip();
  return out;
}

const metadata = (r: JsonBytes) =>
  members(r, (r, out) => {
    if (r.stringIs('name')) out.name = text(r);
    else if (r.stringIs('namespace')) out.namespace = text(r);
    else return false;
    return true;
  });

const usage = (r: JsonBytes) =>
  members(r, (r, out) => {
    if (r.stringIs('cpu')) out.cpu = text(r);
    else if (r.stringIs('memory')) out.memory = text(r);
    else return false;
    return true;
  });

const container = (r: JsonBytes) =>
  members(r, (r, out) => {
    if (r.stringIs('name')) out.name = text(r);
    else if (r.stringIs('usage')) out.usage = usage(r);
    else return false;
    return true;
  });

function containers(r: JsonBytes): unknown {
  const kind = r.kind();
  if (kind !== ARRAY) {
    r.skip();
    return standIn(kind);
  }
  const list: unknown[] = [];
  r.openArray();
  for (let first = true; r.nextElement(first); first = false) list.push(container(r));
  return list;
}

/** The next PodMetrics item of a list, as far as decodePodMetrics reads it. */
export const podMetricsItem = (r: JsonBytes) =>
  members(r, (r, out) => {
    if (r.stringIs('metadata')) out.metadata = metadata(r);
    else if (r.stringIs('timestamp')) out.timestamp = text(r);
    else if (r.stringIs('containers')) out.containers = containers(r);
    else return false;
    return true;
  });
