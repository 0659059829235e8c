// Kubernetes label selectors (`-l`), the same syntax kubectl accepts:
// `app=web,tier!=db,env in (prod,stage),!canary,team`.

export type Requirement =
  | { readonly op: 'in' | 'notin'; readonly key: string; readonly values: readonly string[] }
  | { readonly op: 'exists'; readonly key: string }
  | { readonly op: 'notexists'; readonly key: string };

export type LabelSelector = readonly Requirement[];

export class SelectorError extends Error {
  override name = 'SelectorError';
}

const KEY = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;
const VALUE = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?)?$/;

function checked(key: string, values: readonly string[]): void {
  if (!KEY.test(key)) throw new SelectorError(`invalid label key ${JSON.stringify(key)}`);
  for (const v of values) if (!VALUE.test(v)) throw new SelectorError(`invalid label value ${JSON.stringify(v)}`);
}

/** Splits on commas that are not inside a set `(a,b)`. */
function terms(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((t) => t.trim());
}

function parseTerm(term: string): Requirement {
  const set = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(term);
  if (set) {
    const values = (set[3] ?? '').split(',').map((v) => v.trim());
    checked(set[1] ?? '', values);
    return { op: set[2] as 'in' | 'notin', key: set[1] ?? '', values };
  }
  const eq = /^([^!=\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(term);
  if (eq) {
    const key = eq[1] ?? '';
    const value = eq[3] ?? '';
    checked(key, [value]);
    return { op: eq[2] === '!=' ? 'notin' : 'in', key, values: [value] };
  }
  const exists = /^(!?)\s*(\S+)$/.exec(term);
  if (exists) {
    checked(exists[2] ?? '', []);
    const key = exists[2] ?? '';
    return exists[1] ? { op: 'notexists', key } : { op: 'exists', key };
  }
  throw new SelectorError(`cannot parse ${JSON.stringify(term)}`);
}

export function parseLabelSelector(text: string): LabelSelector {
  if (text.trim() === '') return [];
  return terms(text).map((term) => {
    if (term === '') throw new SelectorError(`empty requirement in ${JSON.stringify(text)}`);
    return parseTerm(term);
  });
}

function satisfies(r: Requirement, labels: Readonly<Record<string, string>>): boolean {
  const value = Object.hasOwn(labels, r.key) ? labels[r.key] : undefined;
  if (r.op === 'exists') return value !== undefined;
  if (r.op === 'notexists') return value === undefined;
  const listed = value !== undefined && r.values.includes(value);
  return r.op === 'in' ? listed : !listed;
}

export function matchesSelector(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  return selector.every((r) => satisfies(r, labels));
}
