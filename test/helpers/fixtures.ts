// Upstream payloads live beside the repository in shared/fixtures (see its PROVENANCE.md); they are
// read in place, never copied into the project. A clone without them skips the tests that need them,
// saying why in the run's summary; on CI (CI set, see vitest.config.ts) their absence is a failure,
// so losing them cannot go unnoticed.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load as parse } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const fixturesDir = path.resolve(repoRoot, '../shared/fixtures');
export const hasFixtures = existsSync(fixturesDir);
export const NO_FIXTURES = `shared/fixtures not found at ${fixturesDir}: upstream payloads are not in this clone`;
const onCi = !['', '0', 'false'].includes(process.env.KMON_TEST_CI ?? '');

export const FIXTURE = {
  summary135: 'stats-summary.k8s-v1.35.0-minikube.sample.json',
  summary131: 'stats-summary.k8s-v1.31-minikube.no-psi.sample.json',
  cadvisor135: 'cadvisor-metrics.k8s-v1.35.0-minikube.sample.txt',
  kubeletPods: 'kubelet-pods.k8s-v1.35.0-minikube.sample.json',
  nodes: 'nodes-list.k8s-v1.35.0-minikube.sample.yaml',
  pods: 'pods-list.k8s-v1.35.0-minikube.sample.yaml',
} as const;

export function fixtureText(name: string): string {
  return readFileSync(path.join(fixturesDir, name), 'utf8');
}

/** A fixture parsed as JSON or, for .yaml files, as YAML (kubectl -o yaml output). */
export function fixture<T = unknown>(name: string): T {
  const text = fixtureText(name);
  return (name.endsWith('.yaml') ? parse(text) : JSON.parse(text)) as T;
}

/** A list body's items; the YAML lists are `kind: List` with the same item shape as the API. */
export function fixtureItems(name: string): Record<string, unknown>[] {
  return fixture<{ items: Record<string, unknown>[] }>(name).items;
}

/**
 * describe() that needs the fixtures. When they are absent the body is not even collected (it reads
 * them), and one test stands in for it: skipped with the reason, or failed on CI.
 */
export function describeWithFixtures(title: string, body: () => void): void {
  if (hasFixtures) describe(title, body);
  else if (onCi) describe(title, () => it('has the real captures', () => expect.fail(`${NO_FIXTURES}; CI must run these tests`)));
  else describe(title, () => it('has the real captures', (ctx) => ctx.skip(NO_FIXTURES)));
}
