import { describe, expect, it } from 'vitest';
import { clusterProblem } from '../../src/model/cluster-health.js';
import type { Problem } from '../../src/model/problems.js';

const problem = (over: Partial<Problem>): Problem => ({ source: 'nodes', kind: 'unreachable', message: 'x', since: 5, ...over });

describe('clusterProblem: when the cluster as a whole cannot be read', () => {
  it.each<[string, Problem[], ReturnType<typeof clusterProblem>]>([
    ['nothing wrong', [], null],
    [
      'the node list refused',
      [problem({ message: 'nodes: cannot reach https://h: connection refused', cause: 'cannot reach https://h: connection refused' })],
      { label: 'unreachable', message: 'cannot reach https://h: connection refused', since: 5 },
    ],
    [
      'the node list timing out',
      [problem({ kind: 'timeout', cause: 'no answer from https://h within 10s' })],
      {
        label: 'no answer',
        message: 'no answer from https://h within 10s',
        since: 5,
      },
    ],
    [
      'nodes forbidden',
      [problem({ kind: 'forbidden', cause: 'forbidden: needs list nodes' })],
      {
        label: 'forbidden',
        message: 'forbidden: needs list nodes',
        since: 5,
      },
    ],
    [
      'credentials rejected on the Metrics API while an older watch goes on',
      [
        problem({
          source: 'metrics',
          kind: 'unauthorized',
          message: 'unauthorized: …: CPU/memory not refreshed',
          cause: 'unauthorized: the credentials were rejected',
        }),
      ],
      { label: 'unauthorized', message: 'unauthorized: the credentials were rejected', since: 5 },
    ],
    ['only the pod list failing (a source, not the cluster)', [problem({ source: 'pods' })], null],
    ['a kubelet unreachable', [problem({ source: 'kubelet', node: 'n1' })], null],
    ['watches unavailable: listing instead', [problem({ source: 'pods', kind: 'degraded' }), problem({ kind: 'degraded' })], null],
  ])('%s', (_, problems, expected) => {
    expect(clusterProblem({ problems })).toEqual(expected);
  });
});
