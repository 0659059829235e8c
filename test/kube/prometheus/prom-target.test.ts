import { describe, expect, it } from 'vitest';
import { parsePromTarget } from '../../../src/kube/prometheus/prom-target.js';

describe('--prometheus values', () => {
  it.each([
    ['http://prometheus.example:9090', 'http://prometheus.example:9090'],
    ['https://thanos.example/prometheus/', 'https://thanos.example/prometheus'],
    // A password in the URL is sent, never shown.
    ['http://kmon:s3cret@10.0.0.9:9090', 'http://10.0.0.9:9090'],
  ])('%s is a URL shown as %s', (text, where) => {
    const target = parsePromTarget(text);
    expect(target.kind).toBe('url');
    expect(target.where).toBe(where);
  });

  it('k8s://NAMESPACE/SERVICE:PORT is a Service through the apiserver, by port number or name', () => {
    expect(parsePromTarget('k8s://monitoring/prometheus-operated:9090')).toEqual({
      kind: 'service',
      namespace: 'monitoring',
      service: 'prometheus-operated',
      port: '9090',
      where: 'k8s://monitoring/prometheus-operated:9090',
    });
    expect(parsePromTarget('k8s://monitoring/prometheus-k8s:web')).toMatchObject({ port: 'web' });
  });

  it.each([
    ['prometheus:9090', /expected http:\/\/HOST:PORT/],
    ['ftp://host/', /expected http:\/\/HOST:PORT/],
    ['k8s://monitoring/prometheus', /expected k8s:\/\/NAMESPACE\/SERVICE:PORT/],
    ['k8s://Monitoring/prometheus:9090', /expected k8s:\/\/NAMESPACE/],
    ['http://host:9090/?query=up', /without \?query/],
    ['http://user:pw@host:9090/?x', /^prometheus 'http:\/\/host:9090\/\?x'/],
  ])('%s is refused in one line saying what is expected', (text, message) => {
    expect(() => parsePromTarget(text)).toThrow(message);
  });
});
