import * as z from 'zod/mini';
import { safeText } from '../../model/safe-text.js';
import { issueText } from '../decode/decode-list.js';
import { KubeError } from '../kube-error.js';
import '../zod-english.js';
import type { PromAnswer } from './prom-getter.js';

// Prometheus's HTTP API answers with an envelope, on success and on failure alike:
// {"status":"success","data":{"resultType":"matrix","result":[{"metric":{…},"values":[[1718000000,"0.25"],…]}]}}
// {"status":"error","errorType":"bad_data","error":"1:5: parse error: …"}

/** One series of an answer: its labels, and its samples' times (epoch ms) and values. */
export interface PromSeries {
  readonly labels: Readonly<Record<string, string>>;
  readonly times: readonly number[];
  readonly values: readonly number[];
}

const sample = z.tuple([z.number(), z.string()]);
const series = z.object({
  metric: z.record(z.string(), z.string()),
  values: z.optional(z.array(sample)),
  value: z.optional(sample),
});
const success = z.object({
  status: z.literal('success'),
  data: z.object({ resultType: z.enum(['matrix', 'vector']), result: z.array(series) }),
});
const failure = z.object({ status: z.literal('error'), errorType: z.optional(z.string()), error: z.optional(z.string()) });

function parsedJson(answer: PromAnswer, where: string): unknown {
  const type = answer.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const text = answer.body.toString('utf8');
  if (type === 'text/html' || /^\s*<(!doctype|html)/i.test(text))
    throw new KubeError(
      'malformed',
      `${where} answered with an HTML page, not Prometheus's API (a login page, or not Prometheus's address?)`,
    );
  try {
    return JSON.parse(text);
  } catch {
    if (answer.status < 200 || answer.status >= 300)
      throw new KubeError('server-error', `${where}: HTTP ${answer.status}`, { status: answer.status });
    throw new KubeError(
      'malformed',
      `${where} answered with ${safeText(type || 'no content type')} that is not JSON, not Prometheus's API`,
    );
  }
}

// Prometheus writes values as Go floats in strings: "0.25", "1e+06", "NaN", "+Inf", "-Inf".
function goFloat(text: string): number {
  if (text === '+Inf' || text === 'Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  return Number(text);
}

function toSeries(raw: z.infer<typeof series>): PromSeries {
  const points = raw.values ?? (raw.value ? [raw.value] : []);
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw.metric)) labels[safeText(k)] = safeText(v);
  return { labels, times: points.map(([t]) => Math.round(t * 1000)), values: points.map(([, v]) => goFloat(v)) };
}

/** The series of a query's answer, validated; a failed query, an HTML page or a foreign shape as a KubeError. */
export function decodePromAnswer(answer: PromAnswer, where: string): PromSeries[] {
  const raw = parsedJson(answer, where);
  const failed = failure.safeParse(raw);
  if (failed.success) {
    const said = safeText(`${failed.data.errorType ?? 'error'}: ${failed.data.error ?? 'no reason given'}`);
    throw new KubeError('server-error', `${where}: query failed (${said})`, { status: answer.status });
  }
  const ok = success.safeParse(raw);
  if (!ok.success) throw new KubeError('malformed', `${where}: not an answer of Prometheus's API (${issueText(ok.error)})`);
  return ok.data.data.result.map(toSeries);
}
