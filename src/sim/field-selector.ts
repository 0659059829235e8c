export interface FieldRequirement {
  readonly field: string;
  readonly value: string;
  readonly equal: boolean;
}

export type FieldSelector = readonly FieldRequirement[];

export class FieldSelectorError extends Error {}

/** `spec.nodeName=x,status.phase!=Succeeded` — only the fields the resource declares selectable. */
export function parseFieldSelector(text: string, supported: readonly string[]): FieldSelector {
  if (text.trim() === '') return [];
  return text.split(',').map((term) => {
    const m = /^\s*([^!=\s]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(term);
    if (!m) throw new FieldSelectorError(`invalid selector: '${text}'; can't understand '${term}'`);
    const [, field = '', op, value = ''] = m;
    if (!supported.includes(field)) throw new FieldSelectorError(`field label not supported: ${field}`);
    return { field, value, equal: op !== '!=' };
  });
}

export function matchesFields(selector: FieldSelector, fields: (field: string) => string): boolean {
  return selector.every((r) => (fields(r.field) === r.value) === r.equal);
}

/** The value of an equality requirement on a field, for index lookups (spec.nodeName=x). */
export function requiredValue(selector: FieldSelector, field: string): string | null {
  return selector.find((r) => r.field === field && r.equal)?.value ?? null;
}
