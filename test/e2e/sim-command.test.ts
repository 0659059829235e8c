import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { KMON, run } from '../helpers/cli.js';
import { hasTool } from '../helpers/tools.js';

const KUBECTL = hasTool('kubectl', ['version', '--client']);

/** Starts `kmon sim` as a user would and resolves with its kubeconfig path and a way to stop it. */
function startSimCommand(args: readonly string[]): Promise<{ kubeconfig: string; stop: () => void }> {
  const child = spawn(process.execPath, [KMON, 'sim', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const kubeconfig = /^kubeconfig: (\S+)$/m.exec(out)?.[1];
      if (kubeconfig) resolve({ kubeconfig, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`kmon sim exited with ${code}`)));
  });
}

describe.skipIf(!KUBECTL)('kmon sim', () => {
  it('--metric-resolution sets how often its metrics-server scrapes, as its window shows', async () => {
    const sim = await startSimCommand(['--nodes', '2', '--pods-per-node', '1', '--metric-resolution', '40s']);
    try {
      const raw = await run('kubectl', ['--kubeconfig', sim.kubeconfig, 'get', '--raw', '/apis/metrics.k8s.io/v1beta1/nodes']);
      const windows = (JSON.parse(raw.stdout) as { items: { window: string }[] }).items.map((n) => Number.parseFloat(n.window));
      expect(windows).toHaveLength(2);
      // The span between a node's last two kubelet samples: the scrape period, give or take the kubelet's own jitter.
      for (const seconds of windows) {
        expect(seconds).toBeGreaterThan(38);
        expect(seconds).toBeLessThan(42);
      }
    } finally {
      sim.stop();
    }
  });
});
