import { hash } from './hash.js';

// The alphabet Kubernetes uses for generated name suffixes and pod-template hashes
// (apimachinery rand.String / SafeEncodeString): no vowels, no look-alike digits.
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

// Identifiers are rendered for every pod of every list: one hash of the parts, then cheap
// integer steps from it (xorshift), instead of hashing the parts again for each character.
function stream(parts: readonly number[]): () => number {
  let state = hash(...parts) || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
}

export function randomSuffix(length: number, ...parts: readonly number[]): string {
  const next = stream(parts);
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[next() % ALPHABET.length];
  return out;
}

const BYTE_HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

// Table lookups rather than toString(16): a list renders several ids per pod.
const hex8 = (v: number) => `${BYTE_HEX[v >>> 24]}${BYTE_HEX[(v >>> 16) & 255]}${BYTE_HEX[(v >>> 8) & 255]}${BYTE_HEX[v & 255]}`;

/** Hex digits, like a containerd id or a static pod's config hash. */
export function hexId(length: number, ...parts: readonly number[]): string {
  const next = stream(parts);
  let out = '';
  while (out.length < length) out += hex8(next());
  return out.slice(0, length);
}

/** A version-4 UUID derived from the parts. */
export function uuid(...parts: readonly number[]): string {
  const h = hexId(32, ...parts);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16] ?? '0', 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
