import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sim, startSim } from '../../src/sim/start-sim.js';
import { get } from './sim-http.js';

describe('gzip, as the apiserver does it', () => {
  let sim: Sim;
  beforeAll(async () => {
    sim = await startSim({ nodes: 40, podsPerNode: 10 });
  });
  afterAll(() => sim.stop());

  it('compresses a body over 128 KiB when the client accepts gzip', async () => {
    const reply = await get(sim, '/api/v1/pods', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(reply.headers['content-encoding']).toBe('gzip');
    expect(Buffer.byteLength(reply.body)).toBeGreaterThan(128 * 1024);
    expect(reply.wire.length).toBeLessThan(Buffer.byteLength(reply.body) / 4);
    expect(JSON.parse(reply.body).items).toHaveLength(400);
  });

  it('sends it plain to a client that does not accept gzip', async () => {
    const reply = await get(sim, '/api/v1/pods');
    expect(reply.headers['content-encoding']).toBeUndefined();
    expect(reply.wire.length).toBe(Buffer.byteLength(reply.body));
    expect(JSON.parse(reply.body).items).toHaveLength(400);
  });

  it('never compresses a small body, and gives it a Content-Length', async () => {
    const reply = await get(sim, '/api/v1/nodes/hello-kube-001', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(reply.headers['content-encoding']).toBeUndefined();
    expect(Number(reply.headers['content-length'])).toBe(reply.wire.length);
  });
});
