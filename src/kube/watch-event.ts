import type * as z from 'zod/mini';
import { issueText } from './decode/decode-list.js';
import { errorBodyMessage } from './error-body.js';
import { KubeError } from './kube-error.js';

export type WatchEvent<T> =
  | { readonly type: 'ADDED' | 'MODIFIED'; readonly object: T }
  | { readonly type: 'DELETED'; readonly uid: string }
  | { readonly type: 'BOOKMARK'; readonly resourceVersion: string };

export interface RawEvent {
  type?: unknown;
  object?: { metadata?: { uid?: unknown; resourceVersion?: unknown }; code?: unknown };
}

/** The resourceVersion an event leaves the watcher at, read before decoding the object. */
export function eventVersion(raw: RawEvent): string | null {
  const rv = raw.object?.metadata?.resourceVersion;
  return typeof rv === 'string' && rv !== '' ? rv : null;
}

/** Whether a parsed line has the shape of a watch event at all: `{"type": "…", "object": {…}}`. */
export function isWatchEvent(raw: unknown): raw is RawEvent {
  if (!raw || typeof raw !== 'object') return false;
  const { type, object } = raw as { type?: unknown; object?: unknown };
  return typeof type === 'string' && typeof object === 'object' && object !== null;
}

/**
 * One watch event, validated; an object that fails validation is reported as `invalid`, not thrown.
 * ERROR events become KubeErrors: 410 Gone (the resourceVersion is too old, so the caller must list
 * again) keeps its status so it can be told apart.
 */
export function decodeWatchEvent<T>(
  raw: RawEvent,
  schema: z.ZodMiniType<T>,
): { event: WatchEvent<T> | null; version: string | null; invalid?: string } {
  const version = eventVersion(raw);
  switch (raw.type) {
    case 'BOOKMARK':
      return { event: version ? { type: 'BOOKMARK', resourceVersion: version } : null, version };
    case 'DELETED': {
      const uid = raw.object?.metadata?.uid;
      return { event: typeof uid === 'string' ? { type: 'DELETED', uid } : null, version };
    }
    case 'ADDED':
    case 'MODIFIED': {
      const result = schema.safeParse(raw.object);
      if (!result.success) return { event: null, version, invalid: issueText(result.error) };
      return { event: { type: raw.type, object: result.data }, version };
    }
    case 'ERROR': {
      const code = typeof raw.object?.code === 'number' ? raw.object.code : 500;
      throw new KubeError(
        code === 410 ? 'not-found' : 'server-error',
        `watch ended: ${errorBodyMessage(Buffer.from(JSON.stringify(raw.object ?? {})))}`,
        { status: code },
      );
    }
    default:
      throw new KubeError('malformed', `watch event of unknown type ${JSON.stringify(String(raw.type)).slice(0, 40)}`);
  }
}
