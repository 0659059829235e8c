// The `/` filter: plain text matches case-insensitively anywhere; `/regex/` (optionally `/regex/i`)
// is a regular expression. A regex that does not compile is matched as plain text and says so.

export interface TextFilter {
  readonly source: string;
  readonly test: (text: string) => boolean;
  /** Set when the text looked like a regex but was not a valid one. */
  readonly error: string | null;
}

const REGEX_FORM = /^\/(.*)\/([a-z]*)$/s;

export function parseTextFilter(source: string): TextFilter {
  const m = REGEX_FORM.exec(source);
  if (m) {
    try {
      const re = new RegExp(m[1] ?? '', (m[2] ?? '').replace(/[gy]/g, ''));
      return { source, test: (text) => re.test(text), error: null };
    } catch (e) {
      const needle = source.toLowerCase();
      return { source, test: (text) => text.toLowerCase().includes(needle), error: `invalid regex: ${(e as Error).message}` };
    }
  }
  const needle = source.toLowerCase();
  return { source, test: (text) => text.toLowerCase().includes(needle), error: null };
}

/** True when any of the row's searchable fields matches. */
export function matchesAny(filter: TextFilter | null, fields: readonly string[]): boolean {
  return filter === null || filter.source === '' || fields.some(filter.test);
}
