import { StringDecoder } from 'node:string_decoder';

// Prometheus text exposition (format 0.0.4), read as it arrives and kept only for the families
// asked for. A kubelet's /metrics/cadvisor is about 1.4 MB for a small node, nearly all of it series
// kmon never shows: a line of another family is passed over without being cut out or parsed.

export interface PromSample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
  /** Milliseconds since the epoch, when the line carries one. */
  readonly timestampMs: number | null;
}

const SPACE = 0x20;
const OPEN = 0x7b;
const CLOSE = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function goFloat(token: string): number {
  if (token === '+Inf') return Number.POSITIVE_INFINITY;
  if (token === '-Inf') return Number.NEGATIVE_INFINITY;
  return token === '' ? Number.NaN : Number(token);
}

const UNESCAPE: Readonly<Record<string, string>> = { n: '\n', '\\': '\\', '"': '"' };

/** The labels between `{` at `open` and their `}`; the index after `}`, or -1 if the set is broken. */
function readLabels(line: string, open: number, labels: Record<string, string>): number {
  let i = open + 1;
  while (i < line.length) {
    while (line.charCodeAt(i) === SPACE || line.charCodeAt(i) === 0x2c) i++;
    if (line.charCodeAt(i) === CLOSE) return i + 1;
    const eq = line.indexOf('=', i);
    if (eq < 0 || line.charCodeAt(eq + 1) !== QUOTE) return -1;
    const key = line.slice(i, eq).trim();
    let value = '';
    let j = eq + 2;
    for (; j < line.length; j++) {
      const c = line.charCodeAt(j);
      if (c === QUOTE) break;
      if (c === BACKSLASH) value += UNESCAPE[line[++j] ?? ''] ?? `\\${line[j] ?? ''}`;
      else value += line[j];
    }
    if (j >= line.length) return -1;
    labels[key] = value;
    i = j + 1;
  }
  return -1;
}

/** One sample line of a wanted family; null when it is not a well-formed one. */
export function parseSampleLine(line: string, name: string): PromSample | null {
  const labels: Record<string, string> = {};
  let i = name.length;
  if (line.charCodeAt(i) === OPEN) {
    i = readLabels(line, i, labels);
    if (i < 0) return null;
  }
  const [valueText = '', timeText] = line.slice(i).trim().split(/\s+/);
  const value = goFloat(valueText);
  const timestampMs = timeText === undefined ? null : Number(timeText);
  if (Number.isNaN(value) && valueText !== 'NaN') return null;
  return { name, labels, value, timestampMs: timestampMs !== null && Number.isFinite(timestampMs) ? timestampMs : null };
}

/**
 * Feeds the samples of the wanted families to `onSample` as the body's chunks arrive. Lines split
 * across chunks are joined; bytes split inside a character are decoded once whole.
 */
export class PromTextReader {
  private readonly decoder = new StringDecoder('utf8');
  private rest = '';

  constructor(
    private readonly families: readonly string[],
    private readonly onSample: (sample: PromSample) => void,
  ) {}

  push(chunk: Buffer): void {
    const text = this.rest + this.decoder.write(chunk);
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      this.line(text, start, end);
      start = end + 1;
    }
    this.rest = text.slice(start);
  }

  end(): void {
    const text = this.rest + this.decoder.end();
    this.rest = '';
    if (text) this.line(text, 0, text.length);
  }

  private line(text: string, start: number, end: number): void {
    for (const name of this.families) {
      if (!text.startsWith(name, start)) continue;
      const after = text.charCodeAt(start + name.length);
      if (after !== OPEN && after !== SPACE) continue;
      const sample = parseSampleLine(text.slice(start, end), name);
      if (sample) this.onSample(sample);
      return;
    }
  }
}
