import { EventEmitter } from 'node:events';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { get as httpsGet } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { load as parse } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { runSimStandalone } from '../../src/sim/run-sim-standalone.js';
import { startSim } from '../../src/sim/start-sim.js';

interface Kubeconfig {
  clusters: { name: string; cluster: { server: string; 'certificate-authority-data': string } }[];
  users: { name: string; user: { token: string } }[];
  contexts: { name: string; context: { cluster: string; user: string } }[];
  'current-context': string;
}

function status(url: string, ca: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    httpsGet(`${url}/api/v1/nodes`, { ca, headers: { Authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

describe('kubeconfig', () => {
  it('names the server, trusts the sim’s CA inline, carries the token, and is private', async () => {
    const sim = await startSim({ nodes: 1, podsPerNode: 1 });
    try {
      const config = parse(await readFile(sim.kubeconfigPath, 'utf8')) as Kubeconfig;
      expect(config['current-context']).toBe('kmon-sim');
      expect(config.contexts).toEqual([{ name: 'kmon-sim', context: { cluster: 'kmon-sim', user: 'kmon-sim-user' } }]);
      const cluster = config.clusters[0]?.cluster;
      expect(cluster?.server).toBe(sim.url);
      expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const ca = Buffer.from(cluster?.['certificate-authority-data'] ?? '', 'base64').toString();
      expect(ca).toBe(sim.caPem);
      expect(config.users[0]?.user.token).toBe(sim.token);
      expect(statSync(sim.kubeconfigPath).mode & 0o777).toBe(0o600);
      // What the kubeconfig holds is enough to reach the sim, by IP and by name.
      expect(await status(cluster?.server ?? '', ca, config.users[0]?.user.token ?? '')).toBe(200);
      expect(await status(sim.url.replace('127.0.0.1', 'localhost'), ca, sim.token)).toBe(200);
    } finally {
      await sim.stop();
    }
    expect(existsSync(sim.kubeconfigPath)).toBe(false);
  });

  it('writes into a given directory under a given context name, and leaves it there', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kmon-sim-test-'));
    const sim = await startSim({ nodes: 1, podsPerNode: 1, kubeconfigDir: dir, contextName: 'demo' });
    await sim.stop();
    try {
      expect(sim.kubeconfigPath).toBe(join(dir, 'kubeconfig'));
      expect(sim.contextName).toBe('demo');
      expect((parse(await readFile(sim.kubeconfigPath, 'utf8')) as Kubeconfig)['current-context']).toBe('demo');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('runSimStandalone', () => {
  it('prints where the kubeconfig is, serves until SIGTERM, then stops', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (c: Buffer) => {
      text += c.toString();
    });
    const signals = new EventEmitter();
    const running = runSimStandalone({ nodes: 2, podsPerNode: 2 }, { out, signals });
    await expect.poll(() => text, { timeout: 5000 }).toContain('export KUBECONFIG=');
    const path = /^kubeconfig: (.+)$/m.exec(text)?.[1] ?? '';
    expect(text).toMatch(/^kmon sim: 2 nodes, 4 pods at https:\/\/127\.0\.0\.1:\d+$/m);
    expect(text).toContain(`export KUBECONFIG=${path}\n`);
    const config = parse(await readFile(path, 'utf8')) as Kubeconfig;
    const server = config.clusters[0]?.cluster.server ?? '';
    const ca = Buffer.from(config.clusters[0]?.cluster['certificate-authority-data'] ?? '', 'base64').toString();
    expect(await status(server, ca, config.users[0]?.user.token ?? '')).toBe(200);
    signals.emit('SIGTERM');
    await running;
    await expect(status(server, ca, '')).rejects.toThrow(/ECONNREFUSED/);
    expect(signals.listenerCount('SIGINT') + signals.listenerCount('SIGTERM')).toBe(0);
  });
});
