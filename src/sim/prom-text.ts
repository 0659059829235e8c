// Prometheus text exposition (format 0.0.4) as client_golang writes it.

export const PROMETHEUS_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** strconv.FormatFloat(v, 'g', -1, 64): shortest digits; exponent form below 1e-4 and from 1e6 ("1.616273408e+09"). */
export function goFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  if (value === 0) return '0';
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  return String(value);
}

export function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

export type Labels = readonly (readonly [string, string])[];

export interface Sample {
  readonly labels: Labels;
  readonly value: number;
  /** Milliseconds; omitted for series the kubelet writes without a timestamp. */
  readonly timestampMs?: number;
}

export interface Family {
  readonly name: string;
  readonly help: string;
  readonly type: 'counter' | 'gauge';
  readonly samples: readonly Sample[];
}

function labelText(labels: Labels): string {
  return labels.length === 0 ? '' : `{${labels.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`;
}

function compareLabels(a: Sample, b: Sample): number {
  for (let i = 0; i < a.labels.length; i++) {
    const x = a.labels[i]?.[1] ?? '';
    const y = b.labels[i]?.[1] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Families sorted by name and samples by label values, as the registry's Gather orders them. */
export function exposition(families: readonly Family[]): string {
  let out = '';
  for (const family of [...families].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (family.samples.length === 0) continue;
    out += `# HELP ${family.name} ${family.help}\n# TYPE ${family.name} ${family.type}\n`;
    for (const s of [...family.samples].sort(compareLabels)) {
      out += `${family.name}${labelText(s.labels)} ${goFloat(s.value)}${s.timestampMs === undefined ? '' : ` ${Math.round(s.timestampMs)}`}\n`;
    }
  }
  return out;
}
