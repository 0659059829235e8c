// A real Prometheus server (Debian's prometheus package) for the tests, on loopback, scraping the
// simulated cluster's kubelets through its node proxy as a Prometheus in the cluster scrapes them:
// over HTTPS with the sim's CA and bearer token, one static target per node and endpoint. It keeps
// its data in a temporary directory and is stopped by the test that started it.
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { dump } from 'js-yaml';
import { it } from 'vitest';
import type { Sim } from '../../src/sim/start-sim.js';
import { closedPort } from './closed-port.js';
import { tempDir } from './temp-dir.js';
import { hasTool } from './tools.js';

export const PROMETHEUS = 'prometheus';
export const hasPrometheus = hasTool(PROMETHEUS, ['--version']);
export const NO_PROMETHEUS = `${PROMETHEUS} not found on PATH: the tests against a real Prometheus need Debian's prometheus package (apt-get install -y prometheus; .ci/run installs it)`;
/**
 * it() that needs a real Prometheus: without one (.ci/run installs it, and says so when it cannot)
 * it is skipped with the reason, listed after the run's summary.
 */
export function itWithPrometheus(title: string, body: () => Promise<void>, timeoutMs?: number): void {
  if (hasPrometheus) it(title, body, timeoutMs);
  else it(title, (ctx) => ctx.skip(NO_PROMETHEUS));
}

/** How a node's kubelet endpoint is labelled: by node name (kube-prometheus-stack), or only by instance (its InternalIP and port). */
export interface ScrapeTarget {
  readonly node: string;
  readonly endpoint: 'metrics/cadvisor' | 'metrics/resource';
  /** Set: `instance` is this (e.g. 10.0.0.5:10250) and there is no node label. */
  readonly instance?: string;
}

export interface RunningPrometheus {
  readonly url: string;
  /** Resolves once Prometheus's own query answers `query` with at least `n` samples in some series over `range`. */
  waitForSamples(query: string, n: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

function scrapeConfig(sim: Sim, dir: string, targets: readonly ScrapeTarget[], intervalSeconds: number): unknown {
  const ca = path.join(dir, 'ca.pem');
  const token = path.join(dir, 'token');
  writeFileSync(ca, sim.caPem);
  writeFileSync(token, sim.token, { mode: 0o600 });
  const address = new URL(sim.url).host;
  return {
    global: { scrape_interval: `${intervalSeconds}s`, scrape_timeout: `${intervalSeconds}s` },
    scrape_configs: [
      {
        job_name: 'kubelet',
        scheme: 'https',
        tls_config: { ca_file: ca },
        authorization: { type: 'Bearer', credentials_file: token },
        static_configs: targets.map((t) => ({
          targets: [address],
          labels: {
            __metrics_path__: `/api/v1/nodes/${t.node}/proxy/${t.endpoint}`,
            metrics_path: `/${t.endpoint}`,
            ...(t.instance ? { instance: t.instance } : { node: t.node }),
          },
        })),
      },
    ],
  };
}

async function ready(url: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prometheus exited with ${child.exitCode}: ${log()}`);
    const answer = await fetch(`${url}/-/ready`).catch(() => null);
    if (answer?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`prometheus not ready within ${timeoutMs} ms: ${log()}`);
}

/** Starts Prometheus scraping `targets` of the sim every `intervalSeconds`, on a free loopback port. */
export async function startPrometheus(sim: Sim, targets: readonly ScrapeTarget[], intervalSeconds = 1): Promise<RunningPrometheus> {
  const dir = tempDir('kmon-prometheus-');
  const config = path.join(dir, 'prometheus.yml');
  writeFileSync(config, dump(scrapeConfig(sim, dir, targets, intervalSeconds)));
  // Prometheus cannot listen on port 0: a port the OS just handed out and took back is free.
  const port = await closedPort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    PROMETHEUS,
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  try {
    await ready(url, child, () => stderr, 20_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    stop,
    async waitForSamples(query, n, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      let seen = 0;
      while (Date.now() < deadline) {
        const answer = await fetch(`${url}/api/v1/query?${new URLSearchParams({ query: `max(count_over_time(${query}[10m]))` })}`);
        const body = (await answer.json()) as { data?: { result?: { value?: [number, string] }[] } };
        seen = Number(body.data?.result?.[0]?.value?.[1] ?? 0);
        if (seen >= n) return;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      throw new Error(`prometheus had ${seen} samples of ${query}, not ${n}, within ${timeoutMs} ms: ${stderr}`);
    },
  };
}

/** Prometheus's own answer to a range query, as the test's reference. */
export async function promRange(
  url: string,
  query: string,
  start: number,
  end: number,
  stepMs: number,
): Promise<{ metric: Record<string, string>; values: [number, string][] }[]> {
  const params = new URLSearchParams({ query, start: String(start / 1000), end: String(end / 1000), step: String(stepMs / 1000) });
  const answer = await fetch(`${url}/api/v1/query_range?${params}`);
  const body = (await answer.json()) as { data: { result: { metric: Record<string, string>; values: [number, string][] }[] } };
  return body.data.result;
}

/** An HTTP server answering Prometheus's query API with no series, recording what it was asked. */
export async function emptyPrometheus(): Promise<{ url: string; asked(): string[]; close(): Promise<void> }> {
  const asked: string[] = [];
  const server = createServer((req, res) => {
    asked.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({ status: 'success', data: { resultType: req.url?.includes('query_range') ? 'matrix' : 'vector', result: [] } }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    asked: () => [...asked],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
