import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { KubeconfigError } from '../../../src/kube/kubeconfig/kubeconfig-error.js';
import { kubeconfigContexts, resolveTargets } from '../../../src/kube/kubeconfig/resolve-targets.js';
import { tempDir } from '../../helpers/temp-dir.js';

// A fleet's contexts come from one reading of the kubeconfig, merged as kubectl merges it. A context
// that is not there is the command line's mistake; one that is there but broken is that cluster's.

const dir = tempDir('kmon-fleet-kubeconfig-');

function file(name: string, content: unknown): string {
  const at = path.join(dir, name);
  writeFileSync(at, dump(content));
  return at;
}

const prod = file('prod', {
  clusters: [
    { name: 'prod-eu', cluster: { server: 'https://eu.example:6443' } },
    { name: 'prod-us', cluster: { server: 'https://us.example:6443' } },
  ],
  users: [{ name: 'me', user: { token: 't' } }],
  contexts: [
    { name: 'prod-eu', context: { cluster: 'prod-eu', user: 'me' } },
    { name: 'prod-us', context: { cluster: 'prod-us', user: 'me' } },
    { name: 'orphan', context: { cluster: 'gone', user: 'me' } },
  ],
  'current-context': 'prod-eu',
});
const staging = file('staging', {
  clusters: [{ name: 'staging', cluster: { server: 'https://staging.example' } }],
  users: [{ name: 'me', user: { token: 'other' } }],
  contexts: [{ name: 'staging', context: { cluster: 'staging', user: 'me' } }],
});
const env = { KUBECONFIG: [prod, staging].join(path.delimiter) };
const base = { env, homeDir: dir, serviceAccountDir: path.join(dir, 'none') };

describe('resolveTargets', () => {
  it('--all-contexts: every context of every file, in order, a broken one with its reason', () => {
    const targets = resolveTargets({ ...base, contexts: 'all' });
    expect(targets.map((t) => t.context)).toEqual(['prod-eu', 'prod-us', 'orphan', 'staging']);
    expect(targets.map((t) => t.target?.server ?? null)).toEqual([
      'https://eu.example:6443',
      'https://us.example:6443',
      null,
      'https://staging.example',
    ]);
    expect(targets[2]?.error).toMatch(/uses cluster "gone", which the kubeconfig does not define/);
    // kubectl's merge: the first file's user "me" wins for staging's context too.
    expect(targets[3]?.target?.user.token).toBe('t');
  });

  it('--context repeated: those contexts in the order given, each once', () => {
    const targets = resolveTargets({ ...base, contexts: ['staging', 'prod-eu', 'staging'] });
    expect(targets.map((t) => t.context)).toEqual(['staging', 'prod-eu']);
  });

  it('a context named that does not exist is a mistake, listing those that do', () => {
    expect(() => resolveTargets({ ...base, contexts: ['prod-eu', 'prod-ap'] })).toThrow(KubeconfigError);
    expect(() => resolveTargets({ ...base, contexts: ['prod-ap'] })).toThrow(
      /context "prod-ap" not found.*available: prod-eu, prod-us, orphan, staging/,
    );
  });

  it('a kubeconfig without contexts, or none at all, is a mistake', () => {
    const empty = file('empty', { clusters: [], users: [], contexts: [] });
    expect(() => resolveTargets({ ...base, env: { KUBECONFIG: empty }, contexts: 'all' })).toThrow(/no contexts in/);
    expect(() => resolveTargets({ ...base, env: {}, homeDir: tempDir('kmon-home-'), contexts: 'all' })).toThrow(/no kubeconfig found/);
  });

  it('lists the contexts for the picker', () => {
    expect(kubeconfigContexts(base)).toEqual(['prod-eu', 'prod-us', 'orphan', 'staging']);
  });
});
