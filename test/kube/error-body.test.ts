import { describe, expect, it } from 'vitest';
import { errorBodyMessage, missingPermission } from '../../src/kube/error-body.js';
import { STATUS_401, STATUS_403, STATUS_404, STATUS_503 } from '../helpers/status-bodies.js';

describe('errorBodyMessage', () => {
  it('uses the real 401 body: 128 bytes and a newline, as captured with Content-Length 129', () => {
    expect(Buffer.byteLength(STATUS_401)).toBe(129);
  });

  it.each([
    ['401 Status', STATUS_401, 'Unauthorized'],
    [
      '403 Status',
      STATUS_403,
      'nodes "node-1" is forbidden: User "system:serviceaccount:monitoring:monitoring-sa" cannot get resource "nodes/proxy" in API group "" at the cluster scope',
    ],
    ['404 Status', STATUS_404, 'the server could not find the requested resource'],
    ['503 Status', STATUS_503, 'error trying to reach service: dial tcp 10.1.24.156:2468: connect: connection refused'],
    ["the aggregator's plain-text 503", 'service unavailable\n', 'service unavailable'],
    [
      'a kubelet 500 string, first line only',
      'Internal Error: failed to get node info\ngoroutine 1 [running]:\n',
      'Internal Error: failed to get node info',
    ],
    ['JSON without a message', '{"kind":"Status"}', '{"kind":"Status"}'],
    [
      "Prometheus's error, through the service proxy",
      '{"status":"error","errorType":"bad_data","error":"1:5: parse error"}',
      '1:5: parse error',
    ],
    ['an empty body', '', ''],
    ['escape sequences are removed', '{"message":"bad \\u001b[2Jthing"}', 'bad thing'],
  ])('%s', (_, body, message) => {
    expect(errorBodyMessage(Buffer.from(body))).toBe(message);
  });

  it('cuts a long message to 160 characters', () => {
    const message = errorBodyMessage(Buffer.from(`{"message":"${'x'.repeat(500)}"}`));
    expect(message).toHaveLength(160);
    expect(message.endsWith('…')).toBe(true);
  });
});

describe('missingPermission', () => {
  it.each([
    ['cannot get resource "nodes/proxy" in API group "" at the cluster scope', 'get nodes/proxy'],
    ['cannot list resource "pods" in API group "metrics.k8s.io" at the cluster scope', 'list pods.metrics.k8s.io'],
    ['cannot list resource "pods" in API group "" in the namespace "shop"', 'list pods'],
    ['Unauthorized', null],
  ])('%j → %j', (message, permission) => {
    expect(missingPermission(message)).toBe(permission);
  });
});
