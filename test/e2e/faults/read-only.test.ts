import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sim, startSim } from '../../../src/sim/start-sim.js';
import { KMON, kmon, type Ran } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { stripSgr, Tmux } from '../../helpers/tmux.js';
import { hasTool } from '../../helpers/tools.js';
import { writeTestKubeconfig } from './test-kubeconfig.js';

// kmon only reads: every request any face makes is a GET. And no credential (token or client key)
// is ever printed, logged or put in an error message.

const TMUX = hasTool('tmux', ['-V']);
const dir = tempDir('kmon-read-only-');

let sim: Sim;
let kubeconfig: string;
let keyPem: string;
let keyData: string;

/** The sim's kubeconfig plus a client certificate and key: kmon loads the key though the sim never asks for it. */
async function withClientKey(sim: Sim): Promise<string> {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', '/CN=kmon-test', '-days', '1'].concat([
      '-keyout',
      key,
      '-out',
      cert,
    ]),
    { stdio: 'ignore' },
  );
  keyPem = readFileSync(key, 'utf8');
  keyData = Buffer.from(keyPem).toString('base64');
  const clientCert = { certPem: readFileSync(cert, 'utf8'), keyPem };
  return (await writeTestKubeconfig({ server: sim.url, caPem: sim.caPem, token: sim.token, clientCert })).path;
}

/** The secret material in every form it could leak in: token, key PEM body lines, key base64. */
function secrets(): string[] {
  const body = keyPem.split('\n').filter((l) => l && !l.startsWith('-----'));
  return [sim.token, keyData.slice(0, 40), ...body];
}

function expectNoSecrets(text: string): void {
  for (const secret of secrets()) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/bearer|authorization/i);
}

const LOG_LINE = /^\d{4}-\d\d-\d\dT[\d:.]+Z GET \/\S+ (\d{3}|-) \d+ms (\d+B|error=".*")$/;

beforeAll(async () => {
  sim = await startSim({ nodes: 3, podsPerNode: 3, seed: 37 });
  kubeconfig = await withClientKey(sim);
});
afterAll(() => sim.stop());

describe('read-only, and no credential in any output', () => {
  const runs: Ran[] = [];
  const logs: string[] = [];
  const face = async (name: string, args: string[], env: NodeJS.ProcessEnv = {}) => {
    const log = path.join(dir, `${name}.log`);
    const ran = await kmon([...args, '--kubeconfig', kubeconfig, '--log', log], { XDG_CACHE_HOME: path.join(dir, 'cache'), ...env });
    runs.push(ran);
    logs.push(readFileSync(log, 'utf8'));
    return ran;
  };

  it('top, status, check and --log: the log has method, path, status and time per request, and nothing else', async () => {
    expect((await face('top-nodes', ['top', 'nodes', '-o', 'wide'])).code).toBe(0);
    expect((await face('top-pods', ['top', 'pods', '-A', '-o', 'json'])).code).toBe(0);
    expect((await face('status', ['status', '--format', 'json', '--refresh-disk'])).code).toBe(0);
    expect((await face('check', ['check'])).code).toBeLessThanOrEqual(2);
    // KMON_LOG does what --log does.
    const envLog = path.join(dir, 'env.log');
    runs.push(await kmon(['top', 'nodes', '--kubeconfig', kubeconfig], { KMON_LOG: envLog }));
    logs.push(readFileSync(envLog, 'utf8'));
    for (const log of logs) {
      const lines = log.trimEnd().split('\n');
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) expect(line).toMatch(LOG_LINE);
    }
    const all = logs.join('');
    for (const path of [
      'GET /api/v1/nodes?limit=5000',
      'GET /apis/metrics.k8s.io/v1beta1/nodes',
      '/proxy/stats/summary',
      'GET /api/v1/pods?limit=5000',
    ])
      expect(all).toContain(path);
  });

  it.skipIf(!TMUX)('a live session in tmux, opening a detail', async () => {
    const log = path.join(dir, 'live.log');
    const tmux = await Tmux.start('read-only', 120, 32, { LANG: 'C.UTF-8' });
    try {
      await tmux.type(`node ${KMON} --kubeconfig ${kubeconfig} --interval 500ms --log ${log}; echo kmon-exit=$?`);
      await tmux.send(['Enter']);
      await tmux.waitFor((s) => /DISK%/.test(s) && /\d+% /.test(stripSgr(s)), 20_000, 'the cluster');
      // A node's detail: its conditions and pods.
      await tmux.send(['Enter']);
      await tmux.waitFor((s) => stripSgr(s).includes('pods on this node'), 10_000, 'a node detail');
      await tmux.send(['Escape']);
      await tmux.type('q');
      const screen = await tmux.waitFor((s) => s.includes('kmon-exit=0'), 10_000, 'kmon to quit');
      expectNoSecrets(screen);
    } finally {
      await tmux.kill();
    }
    const text = readFileSync(log, 'utf8');
    for (const line of text.trimEnd().split('\n')) expect(line).toMatch(LOG_LINE);
    expect(text).toContain('GET /api/v1/pods?watch=1');
    logs.push(text);
  });

  it('errors never quote a credential: a rejected token', async () => {
    await sim.rotateToken();
    const rejected = await face('rejected', ['top', 'nodes']);
    expect(rejected.stderr).toBe('kmon: unauthorized: the credentials were rejected\n');
    const check = await face('rejected-check', ['check']);
    expect(check.stdout).toMatch(/^UNKNOWN: nodes: unauthorized/);
  });

  it('the sim saw only GETs, and nothing kmon wrote holds a token or a key', async () => {
    const counts = sim.requestCounts();
    expect(Object.keys(counts).length).toBeGreaterThan(5);
    for (const kind of Object.keys(counts)) expect(kind).toMatch(/^GET /);
    expect(sim.requests.every((r) => r.method === 'GET')).toBe(true);
    for (const ran of runs) expectNoSecrets(ran.stdout + ran.stderr);
    for (const log of logs) expectNoSecrets(log);
  });
});
