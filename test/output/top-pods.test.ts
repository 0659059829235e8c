import { describe, expect, it } from 'vitest';
import { buildPodRow } from '../../src/model/pod-row.js';
import { DEFAULT_THRESHOLDS } from '../../src/model/thresholds.js';
import { topPodsTable } from '../../src/output/top-pods.js';
import { container, podInfo, snapshot } from '../helpers/records.js';

const NOW = Date.parse('2026-06-26T10:00:00Z');
const options = { wide: true, noHeaders: false, ascii: false, color: false, now: NOW, allNamespaces: true, containers: false, sum: false };

describe('kmon top pods: the ALERTS column', () => {
  it('says why a Running pod alerts (its OOM kill), not "‼ Running"', () => {
    const oomKilled = container('renderer', {
      restarts: 3,
      lastTermination: { reason: 'OOMKilled', exitCode: 137, finishedAt: NOW - 4 * 60_000 },
    });
    const pod = podInfo('invoice-renderer', { containers: [oomKilled] });
    const row = buildPodRow(pod, snapshot({ pods: [pod] }), DEFAULT_THRESHOLDS, NOW);
    const table = topPodsTable([{ namespace: pod.namespace, name: pod.name, usage: null, row }], options);
    expect(table).toMatch(/renderer restarted \(OOMKilled\) 4m ago/);
    expect(table).not.toMatch(/[‼!] Running/);
  });
});
