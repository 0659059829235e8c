import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sim, startSim } from '../../../src/sim/start-sim.js';
import { kmon } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

// Input the user must fix: one line saying what to fix, exit status 2, never a stack trace, on
// every face. The cluster is healthy, so nothing but the input can be to blame.

let sim: Sim;
const dir = tempDir('kmon-bad-input-');
const file = (name: string, text: string) => {
  const at = path.join(dir, name);
  writeFileSync(at, text);
  return at;
};

beforeAll(async () => {
  sim = await startSim({ nodes: 2, podsPerNode: 2 });
});
afterAll(() => sim.stop());

// top pods parses exactly as top nodes does; status is a bundle of its own, so it is here.
const FACES: readonly [string, readonly string[]][] = [
  ['top nodes', ['top', 'nodes']],
  ['status', ['status']],
  ['check', ['check']],
  ['the live face', []],
];

const CASES: readonly [string, () => string[], RegExp][] = [
  ['an unknown flag', () => ['--frobnicate'], /^kmon: unknown option '--frobnicate' \(see kmon --help\)$/],
  ['warn above crit', () => ['--cpu-warn', '95', '--cpu-crit', '90'], /^kmon: thresholds: cpu: warn 95 is above crit 90$/],
  [
    'a negative threshold',
    () => ['--mem-warn', '-5'],
    /^kmon: option '--mem-warn <pct>' argument '-5' is invalid\. expected a percentage ≥ 0/,
  ],
  ['a threshold that is not a number', () => ['--disk-crit', 'lots'], /argument 'lots' is invalid\. expected a percentage ≥ 0, got "lots"/],
  [
    'a config file with a wrong value',
    () => ['--config', file('wrong.yaml', 'thresholds:\n  cpu: {warn: high}\n')],
    /^kmon: config .*wrong\.yaml: thresholds\.cpu\.warn: Invalid input: expected number, received string$/,
  ],
  [
    'a config file that is not YAML',
    () => ['--config', file('broken.yaml', 'thresholds: [\n')],
    /^kmon: config .*broken\.yaml: not valid YAML at line 2, column 1: /,
  ],
  [
    'a config file with a typo in a key',
    () => ['--config', file('typo.yaml', 'thresholds:\n  cpuu: {warn: 1}\n')],
    /^kmon: config .*typo\.yaml: thresholds: Unrecognized key/,
  ],
  [
    'a config file that is missing',
    () => ['--config', path.join(dir, 'absent.yaml')],
    /^kmon: config .*absent\.yaml: cannot read \(ENOENT\)$/,
  ],
  ['a kubeconfig that is missing', () => ['--kubeconfig', path.join(dir, 'nope')], /^kmon: kubeconfig .*nope: no such file$/],
  [
    'a kubeconfig that is not YAML',
    () => ['--kubeconfig', file('kc-broken', 'clusters: [\n')],
    /^kmon: kubeconfig .*kc-broken: not valid YAML at line \d+$/,
  ],
  [
    'a kubeconfig with a malformed entry',
    () => ['--kubeconfig', file('kc-bad', 'clusters:\n- name: c\n  cluster: {server: 7}\n')],
    /^kmon: kubeconfig .*kc-bad: clusters\.0\.cluster\.server: Invalid input: expected string, received number$/,
  ],
  ['an unknown context', () => ['--context', 'nowhere'], /^kmon: context "nowhere" not found in kubeconfig \(available: kmon-sim\)$/],
  ['a bad duration', () => ['--request-timeout', 'soon'], /argument 'soon' is invalid\. expected a duration like 5s, 500ms or 2m/],
  [
    'a duration without its unit',
    () => ['--request-timeout', '5'],
    /argument '5' is invalid\. expected a duration like 5s, 500ms or 2m, got "5"/,
  ],
  ['a duration of zero', () => ['--request-timeout', '0s'], /argument '0s' is invalid\. must be more than 0/],
  ['a percentage in hex', () => ['--disk-warn', '0x50'], /argument '0x50' is invalid\. expected a percentage ≥ 0, got "0x50"/],
  [
    'a config file whose interval has no unit',
    () => ['--config', file('unitless.yaml', 'interval: 5\n')],
    /^kmon: config .*unitless\.yaml: interval: expected a duration like 5s, 500ms or 2m, got "5"$/,
  ],
];

/** What `kmon check` says for the same mistake: a monitoring plugin's UNKNOWN line on stdout. */
const asUnknown = (message: RegExp) =>
  new RegExp(message.source.replace(/^\^kmon: /, '^UNKNOWN: bad input: ').replace('see kmon --help', 'see kmon check --help'));

describe('bad input: one line, exit 2 (kmon check: UNKNOWN, 3), no stack trace', () => {
  for (const [face, command] of FACES) {
    it.each(CASES)(`${face}: %s`, async (_, args, message) => {
      const ran = await kmon([...command, '--kubeconfig', sim.kubeconfigPath, ...args()], {
        XDG_CONFIG_HOME: dir,
        XDG_CACHE_HOME: dir,
        KMON_DEBUG: '',
      });
      const check = face === 'check';
      expect(ran.code).toBe(check ? 3 : 2);
      expect(check ? ran.stderr : ran.stdout).toBe('');
      const lines = (check ? ran.stdout : ran.stderr).trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(check ? asUnknown(message) : message);
      expect(ran.stderr).not.toMatch(/^\s+at /m);
    });
  }

  it.each([
    ['500ms', /argument '500ms' is invalid\. expected whole seconds, at least 1s, got "500ms"/],
    ['soon', /argument 'soon' is invalid\. expected a duration like 5s/],
  ])('kmon sim --metric-resolution %s: one line, exit 2', async (value, message) => {
    const ran = await kmon(['sim', '--metric-resolution', value]);
    expect(ran.code).toBe(2);
    expect(ran.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(ran.stderr).toMatch(message);
  });

  it('kmon top with no kind: its help on stderr, what is missing, exit 2', async () => {
    const ran = await kmon(['top']);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/^Usage: kmon top/);
    expect(ran.stderr).toMatch(/nodes\|node \[options\] \[name\]/);
    expect(ran.stderr).not.toContain('outputHelp');
  });
});

describe('bad input of the live screen’s history: one line, exit 2', () => {
  it.each([
    [
      'a Prometheus that is no address',
      () => ['--prometheus', 'prometheus:9090'],
      /^kmon: option '--prometheus <url>' argument 'prometheus:9090' is invalid\. prometheus 'prometheus:9090': expected http:\/\/HOST:PORT/,
    ],
    [
      'a k8s:// Prometheus without its port',
      () => ['--prometheus', 'k8s://monitoring/prometheus'],
      /expected k8s:\/\/NAMESPACE\/SERVICE:PORT/,
    ],
    ['a Prometheus window without its unit', () => ['--prometheus-window', '60'], /argument '60' is invalid\. expected a duration like 5s/],
    [
      'a config file whose Prometheus is no address',
      () => ['--config', file('prom.yaml', 'prometheus: ftp://x\n')],
      /^kmon: config .*prom\.yaml: prometheus 'ftp:\/\/x': expected http:\/\/HOST:PORT/,
    ],
    [
      'a config file whose history bound has no unit',
      () => ['--config', file('size.yaml', 'history: { maxSize: 100 }\n')],
      /^kmon: config .*size\.yaml: history\.maxSize: expected a size like 100MB or 1GiB, got "100"$/m,
    ],
  ])('%s', async (_, args, message) => {
    const ran = await kmon(['--kubeconfig', sim.kubeconfigPath, ...args()], { XDG_CONFIG_HOME: dir, XDG_CACHE_HOME: dir, KMON_DEBUG: '' });
    expect(ran.code).toBe(2);
    expect(ran.stdout).toBe('');
    expect(ran.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(ran.stderr).toMatch(message);
  });
});

describe('help lists every flag a command takes', () => {
  it.each([
    [['check'], ['--namespace', '--all-namespaces', '--selector', '--kubeconfig', '--context', '--cpu-warn', '--disk-crit', '--config']],
    [
      ['top', 'pods'],
      ['--output', '--containers', '--namespace', '--all-namespaces', '--selector', '--cpu-warn', '--no-kubelet'],
    ],
    [
      ['top', 'nodes'],
      ['--output', '--sort-by', '--kubeconfig', '--mem-crit'],
    ],
    [['status'], ['--format', '--max-width', '--kubeconfig', '--context', '--disk-warn']],
    [['demo'], ['--interval', '--no-color', '--cpu-warn', '--prometheus', '--no-save-history', '--record']],
  ])('kmon %j --help', async (command, flags) => {
    const ran = await kmon([...command, '--help']);
    expect(ran.code).toBe(0);
    for (const flag of flags) expect(ran.stdout, flag).toContain(flag);
  });
});
