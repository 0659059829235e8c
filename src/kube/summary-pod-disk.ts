// Each pod's ephemeral storage, cut out of a summary's bytes without parsing its pods. The pods'
// part is most of a summary (containers, volumes, interfaces); where only the node and the pods'
// disk use are wanted, two small objects per pod are all that need become objects.
//
// The kubelet writes Go structs, whose keys are fixed: `"podRef"` and `"ephemeral-storage"` are
// keys of PodStats alone, at no other depth. A key cannot be forged from inside a string value
// either: a string's quotes are escaped there, and the quote that closes `…podRef"` would need a
// colon after it, which only follows a key. Each pod writes podRef first (Go keeps declaration
// order), so a pod's disk block follows its podRef and comes before the next pod's.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** Where the flat object that is `key`'s value starts and ends, for the key found at `at`. */
function flatObject(text: string, at: number, key: string): { start: number; end: number } | null {
  let i = at + key.length;
  while (i < text.length && SPACE.has(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 0x3a) return null;
  i++;
  while (i < text.length && SPACE.has(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 0x7b) return null;
  const start = i;
  for (i++; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      for (i++; i < text.length && text.charCodeAt(i) !== QUOTE; i++) if (text.charCodeAt(i) === BACKSLASH) i++;
    } else if (c === 0x7b || c === 0x5b) {
      // Not flat: not the block this scan knows.
      return null;
    } else if (c === 0x7d) return { start, end: i + 1 };
  }
  return null;
}

function positions(text: string, key: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + key.length)) found.push(at);
  return found;
}

const POD_REF = '"podRef"';
const DISK = '"ephemeral-storage"';

/** Which pods' disk use to keep, by namespace and name (default: every pod's). */
export type PodFilter = (namespace: string, name: string) => boolean;

/**
 * `[{podRef, "ephemeral-storage"}]` for each pod of a summary body that `keep` asks for, for the
 * summary's schema to read as it reads whole pods. Unreadable pieces are left out (the schema
 * would drop them).
 */
export function podDiskBlocks(body: Buffer, keep?: PodFilter): unknown[] {
  const text = body.toString('utf8');
  const refs = positions(text, POD_REF);
  const disks = positions(text, DISK);
  const pods: unknown[] = [];
  let d = 0;
  refs.forEach((at, i) => {
    const next = refs[i + 1] ?? text.length;
    const ref = flatObject(text, at, POD_REF);
    if (!ref) return;
    while (d < disks.length && (disks[d] as number) < ref.end) d++;
    const diskAt = disks[d];
    const disk = diskAt !== undefined && diskAt < next ? flatObject(text, diskAt, DISK) : null;
    try {
      const podRef = JSON.parse(text.slice(ref.start, ref.end)) as { namespace?: unknown; name?: unknown };
      if (keep && !keep(String(podRef.namespace), String(podRef.name))) return;
      pods.push({ podRef, ...(disk ? { 'ephemeral-storage': JSON.parse(text.slice(disk.start, disk.end)) } : {}) });
    } catch {
      // A piece that is not JSON is left out; the node's own part decides whether the answer is whole.
    }
  });
  return pods;
}
