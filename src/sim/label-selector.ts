// labelSelector as the apiserver reads it (apimachinery labels.Parse): a lexer of identifiers and
// the symbols = == != ! ( ) , > <, then requirements separated by commas. Its quirks are kept:
// "in"/"notin" are keywords only where an operator is expected, "key in ()" means the empty
// value, "!=" and "notin" match objects without the label, "gt"/"lt" compare integers.

export type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

export interface LabelRequirement {
  readonly key: string;
  readonly operator: Operator;
  readonly values: readonly string[];
}

export type LabelSelector = readonly LabelRequirement[];

export class LabelSelectorError extends Error {}

type Token = { readonly kind: 'id' | 'symbol' | 'end'; readonly text: string };

const SYMBOLS = new Set(['=', '==', '!=', '!', '(', ')', ',', '>', '<']);
const SYMBOL_CHARS = '=!(),<>';
const SPACE = ' \t\r\n';

/** The tokens of the text; a run of symbol characters is cut at its longest known prefix. */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (SPACE.includes(ch)) {
      i++;
    } else if (SYMBOL_CHARS.includes(ch)) {
      const two = text.slice(i, i + 2);
      const symbol = SYMBOLS.has(two) ? two : ch;
      out.push({ kind: 'symbol', text: symbol });
      i += symbol.length;
    } else {
      let end = i;
      while (end < text.length && !SPACE.includes(text[end] ?? '') && !SYMBOL_CHARS.includes(text[end] ?? '')) end++;
      out.push({ kind: 'id', text: text.slice(i, end) });
      i = end;
    }
  }
  out.push({ kind: 'end', text: '' });
  return out;
}

const NAME = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function keyProblem(key: string): string | null {
  const slash = key.indexOf('/');
  const prefix = slash < 0 ? null : key.slice(0, slash);
  const name = slash < 0 ? key : key.slice(slash + 1);
  if (prefix !== null && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) return 'prefix part must be a lowercase DNS subdomain';
  if (name.length > 63 || !NAME.test(name))
    return 'name part must be at most 63 alphanumeric characters, -, _ or ., starting and ending with an alphanumeric';
  return null;
}

function valueProblem(value: string): string | null {
  if (value === '') return null;
  return value.length <= 63 && NAME.test(value)
    ? null
    : 'a valid label must be an empty string or at most 63 alphanumeric characters, -, _ or ., starting and ending with an alphanumeric';
}

const invalid = (where: string, value: string, why: string) =>
  new LabelSelectorError(`${where}: Invalid value: ${JSON.stringify(value)}: ${why}`);

const BINARY_OPERATORS: ReadonlyMap<string, Operator> = new Map([
  ['in', 'in'],
  ['notin', 'notin'],
  ['=', '='],
  ['==', '=='],
  ['!=', '!='],
  ['>', 'gt'],
  ['<', 'lt'],
]);

class Parser {
  private at = 0;
  constructor(private readonly list: readonly Token[]) {}

  peek(): Token {
    return this.list[this.at] ?? { kind: 'end', text: '' };
  }

  take(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.at++;
    return token;
  }

  /** A requirement: `key`, `!key`, `key OP value` or `key in|notin (values)`. */
  requirement(): LabelRequirement {
    let negated = false;
    let key = this.take();
    if (key.kind === 'symbol' && key.text === '!') {
      negated = true;
      key = this.take();
    }
    if (key.kind !== 'id') throw new LabelSelectorError(`found '${key.text}', expected: identifier`);
    const problem = keyProblem(key.text);
    if (problem) throw invalid('key', key.text, problem);
    const next = this.peek();
    // `!key` takes nothing more; whatever follows is the caller's to reject.
    if (negated) return { key: key.text, operator: '!', values: [] };
    if (next.kind === 'end' || next.text === ',') return { key: key.text, operator: 'exists', values: [] };
    const op = this.take();
    const operator = BINARY_OPERATORS.get(op.text);
    if (!operator) throw new LabelSelectorError(`found '${op.text}', expected: in, notin, =, ==, !=, gt, lt`);
    const values = operator === 'in' || operator === 'notin' ? this.set() : [this.single()];
    for (const [i, value] of values.entries()) {
      if ((operator === 'gt' || operator === 'lt') && integer(value) === null)
        throw invalid(`values[${i}][${key.text}]`, value, "for 'Gt', 'Lt' operators, the value must be an integer");
      const bad = valueProblem(value);
      if (bad) throw invalid(`values[${i}][${key.text}]`, value, bad);
    }
    return { key: key.text, operator, values };
  }

  /** The one value after = == != > <; nothing before a comma or the end is the empty value. */
  single(): string {
    const next = this.peek();
    if (next.kind === 'end' || next.text === ',') return '';
    const value = this.take();
    if (value.kind !== 'id') throw new LabelSelectorError(`found '${value.text}', expected: identifier`);
    return value.text;
  }

  /** `(a,b)`; empty places, as in `()`, `(a,)` or `(,a)`, are the empty value. */
  set(): string[] {
    const open = this.take();
    if (open.text !== '(') throw new LabelSelectorError(`found '${open.text}' expected: '('`);
    const values = new Set<string>();
    let expectValue = true;
    for (;;) {
      const token = this.take();
      if (token.kind === 'id' && expectValue) {
        values.add(token.text);
        expectValue = false;
      } else if (token.text === ',') {
        if (expectValue) values.add('');
        expectValue = true;
      } else if (token.text === ')') {
        if (expectValue) values.add('');
        return [...values];
      } else {
        throw new LabelSelectorError(`found '${token.text}', expected: ',', ')' or identifier`);
      }
    }
  }
}

export function parseLabelSelector(text: string): LabelSelector {
  const parser = new Parser(tokens(text));
  const out: LabelRequirement[] = [];
  for (;;) {
    const first = parser.peek();
    if (first.kind === 'end') return out;
    if (first.kind !== 'id' && first.text !== '!')
      throw new LabelSelectorError(`found '${first.text}', expected: !, identifier, or 'end of string'`);
    try {
      out.push(parser.requirement());
    } catch (e) {
      if (e instanceof LabelSelectorError) throw new LabelSelectorError(`unable to parse requirement: ${e.message}`);
      throw e;
    }
    const after = parser.take();
    if (after.kind === 'end') return out;
    if (after.text !== ',') throw new LabelSelectorError(`found '${after.text}', expected: ',' or 'end of string'`);
    const next = parser.peek();
    if (next.kind !== 'id' && next.text !== '!') throw new LabelSelectorError(`found '${next.text}', expected: identifier after ','`);
  }
}

/** A label value read as Go's ParseInt(v, 10, 64) would, or null. */
function integer(text: string): bigint | null {
  if (!/^[+-]?[0-9]+$/.test(text)) return null;
  const n = BigInt(text);
  return n >= -(2n ** 63n) && n < 2n ** 63n ? n : null;
}

function holds(r: LabelRequirement, labels: Readonly<Record<string, string>>): boolean {
  const value = Object.hasOwn(labels, r.key) ? labels[r.key] : undefined;
  switch (r.operator) {
    case 'exists':
      return value !== undefined;
    case '!':
      return value === undefined;
    case 'in':
    case '=':
    case '==':
      return value !== undefined && r.values.includes(value);
    case 'notin':
    case '!=':
      return value === undefined || !r.values.includes(value);
    case 'gt':
    case 'lt': {
      const have = value === undefined ? null : integer(value);
      const bound = integer(r.values[0] ?? '');
      if (have === null || bound === null) return false;
      return r.operator === 'gt' ? have > bound : have < bound;
    }
  }
}

/** True when the labels satisfy every requirement (an empty selector selects everything). */
export function selects(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  return selector.every((r) => holds(r, labels));
}
