import { type FieldSelector, FieldSelectorError, parseFieldSelector } from './field-selector.js';
import { type LabelSelector, LabelSelectorError, parseLabelSelector } from './label-selector.js';

export interface ListQuery {
  /** null: everything in one answer. */
  readonly limit: number | null;
  /** Resume after this key (from the continue token). */
  readonly after: string | null;
  /** The resourceVersion the first page was served at. */
  readonly continuedFrom: number | null;
  readonly labels: LabelSelector;
  readonly fields: FieldSelector;
}

export class ListQueryError extends Error {}

interface ContinueToken {
  readonly v: string;
  readonly rv: number;
  readonly start: string;
}

// The apiserver's continue token: raw URL-safe base64 of {"v":"meta.k8s.io/v1","rv":N,"start":KEY+"\0"},
// where KEY is the etcd key of the last item returned, below the resource prefix.
export function encodeContinue(resourceVersion: number, lastKey: string): string {
  const token: ContinueToken = { v: 'meta.k8s.io/v1', rv: resourceVersion, start: `${lastKey}\u0000` };
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function decodeContinue(text: string): ContinueToken {
  try {
    const token = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<ContinueToken>;
    if (token.v !== 'meta.k8s.io/v1' || typeof token.rv !== 'number' || typeof token.start !== 'string') throw new Error('unknown token');
    return token as ContinueToken;
  } catch (e) {
    throw new ListQueryError(`continue key is not valid: ${(e as Error).message}`);
  }
}

export function parseListQuery(query: URLSearchParams, selectableFields: readonly string[]): ListQuery {
  const limitText = query.get('limit');
  const limit = limitText === null ? 0 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 0) throw new ListQueryError(`invalid limit: ${limitText}`);
  const token = query.get('continue') ? decodeContinue(query.get('continue') ?? '') : null;
  try {
    return {
      limit: limit > 0 ? limit : null,
      after: token ? token.start.replace(/\u0000$/, '') : null,
      continuedFrom: token?.rv ?? null,
      labels: parseLabelSelector(query.get('labelSelector') ?? ''),
      fields: parseFieldSelector(query.get('fieldSelector') ?? '', selectableFields),
    };
  } catch (e) {
    if (e instanceof LabelSelectorError) throw new ListQueryError(e.message);
    if (e instanceof FieldSelectorError) throw new ListQueryError(e.message);
    throw e;
  }
}

export function hasSelectors(query: ListQuery): boolean {
  return query.labels.length > 0 || query.fields.length > 0;
}
