import { describe, expect, it } from 'vitest';
import { ListCollector } from '../../src/kube/decode/decode-list.js';
import { decodePodMetrics } from '../../src/kube/decode/pod-metrics.js';
import { ItemSplitter } from '../../src/kube/json-items.js';
import { PodMetricsColumns } from '../../src/kube/pod-metrics-list.js';
import { PodKeys } from '../../src/model/pod-keys.js';
import { PodUsageIndex } from '../../src/model/pod-usage-index.js';

const good = {
  metadata: { name: 'web-1', namespace: 'shop', creationTimestamp: '2026-06-26T10:14:40Z', labels: { app: 'web' } },
  timestamp: '2026-06-26T10:14:35Z',
  window: '15s',
  containers: [
    { name: 'main', usage: { cpu: '1500000n', memory: '1Ki' } },
    { name: 'log', usage: { cpu: '250m', memory: '5M' } },
  ],
};

// Items as a cluster (or a broken one) may send them, each written out as JSON text.
const items: [string, string][] = [
  ['a whole item', JSON.stringify(good)],
  ['pretty-printed', JSON.stringify({ ...good, metadata: { ...good.metadata, name: 'web-2' } }, null, 2)],
  ['escapes in names', JSON.stringify({ ...good, metadata: { name: 'w\\"e\u00e9b\u001b[31m', namespace: 'sh\u00f6p' } })],
  ['keys written with escapes', JSON.stringify(good).replace('"name":"web-1"', '"n\\u0061me":"web-3"')],
  [
    'a member given twice: the last counts',
    JSON.stringify(good).replace('"timestamp":', '"timestamp":"2026-01-01T00:00:00Z","timestamp":'),
  ],
  ['metadata given twice', JSON.stringify(good).replace('"metadata":', '"metadata":{"name":"first","namespace":"x"},"metadata":')],
  ['no timestamp', JSON.stringify({ ...good, timestamp: undefined, metadata: { name: 'web-4', namespace: 'shop' } })],
  ['a numeric timestamp', JSON.stringify({ ...good, timestamp: 17, metadata: { name: 'web-5', namespace: 'shop' } })],
  ['no containers', JSON.stringify({ ...good, containers: [], metadata: { name: 'web-6', namespace: 'shop' } })],
  ['not an object', '"web-1"'],
  ['an array', '[1, {"metadata": {}}]'],
  ['metadata an array', JSON.stringify({ ...good, metadata: [] })],
  ['a numeric name', JSON.stringify({ ...good, metadata: { name: 7, namespace: 'shop' } })],
  ['a name that is an object', JSON.stringify({ ...good, metadata: { name: { a: 1 }, namespace: 'shop' } })],
  ['containers null', JSON.stringify({ ...good, containers: null })],
  ['containers an object', JSON.stringify({ ...good, containers: { name: 'main' } })],
  ['a container that is a string', JSON.stringify({ ...good, containers: ['main'] })],
  ['a container without usage', JSON.stringify({ ...good, containers: [{ name: 'c0' }] })],
  ['usage an array', JSON.stringify({ ...good, containers: [{ name: 'c0', usage: [] }] })],
  ['memory as a number', JSON.stringify({ ...good, containers: [{ name: 'c0', usage: { cpu: '1m', memory: 1024 } }] })],
  ['cpu not a quantity', JSON.stringify({ ...good, containers: [{ name: 'c0', usage: { cpu: 'lots', memory: '1Ki' } }] })],
];

const list = (texts: readonly string[]) => Buffer.from(`{"kind":"PodMetricsList","metadata":{},"items":[${texts.join(',\n ')}]}`);

function chunks(body: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < body.length; i += size) out.push(body.subarray(i, i + size));
  return out;
}

/** The list read from its bytes, into columns. */
function fromBytes(body: Buffer, size: number) {
  const keys = new PodKeys();
  const columns = new PodMetricsColumns(keys);
  for (const chunk of chunks(body, size)) columns.push(chunk);
  const { columns: read, skipped, firstProblem } = columns.finish();
  return { usage: [...new PodUsageIndex(keys, read).values()], skipped, firstProblem };
}

/** The list as it was read before: items parsed by JSON.parse, each checked by decodePodMetrics. */
function parsed(body: Buffer, size: number) {
  const collector = new ListCollector(decodePodMetrics);
  const splitter = new ItemSplitter(collector.add);
  for (const chunk of chunks(body, size)) splitter.push(chunk);
  splitter.end();
  const { items: usage, skipped, firstProblem } = collector.result();
  return { usage: [...PodUsageIndex.of(usage).values()], skipped, firstProblem };
}

describe('PodMetricsColumns reads items from their bytes as JSON.parse and decodePodMetrics did', () => {
  it.each(items)('%s', (_, text) => {
    const body = list([JSON.stringify({ ...good, metadata: { name: 'before', namespace: 'x' } }), text]);
    for (const size of [1, 7, 4096]) expect(fromBytes(body, size)).toEqual(parsed(body, size));
  });

  it('a whole list of them, in chunks: the same usage, the same count and first problem', () => {
    const body = list(items.map(([, text]) => text));
    for (const size of [3, 64, 1 << 16]) expect(fromBytes(body, size)).toEqual(parsed(body, size));
  });

  it.each([
    ['a NUL byte in a label', JSON.stringify(good).replace('"app":"web"', '"app":"w\u0000eb"')],
    ['a byte dropped', JSON.stringify(good).replace('":"shop', '"shop')],
    ['two items without a comma', `${JSON.stringify(good)} ${JSON.stringify(good)}`],
  ])('%s: the list is not JSON, a SyntaxError as JSON.parse gives', (_, text) => {
    const list = new PodMetricsColumns(new PodKeys());
    expect(() => {
      list.push(Buffer.from(`{"items":[${text}]}`));
      list.finish();
    }).toThrow(SyntaxError);
    expect(() => JSON.parse(`[${text}]`)).toThrow(SyntaxError);
  });
});
