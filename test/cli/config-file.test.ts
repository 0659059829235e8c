import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/cli/config-file.js';
import { DEFAULT_THRESHOLDS } from '../../src/model/thresholds.js';
import { tempDir } from '../helpers/temp-dir.js';

const dir = tempDir('kmon-config-');
const file = (name: string, text: string) => {
  const at = path.join(dir, name);
  writeFileSync(at, text);
  return at;
};

describe('config file: for: and fill', () => {
  it('reads for: per threshold (0s: at once) and the fill warning times, keeping the other defaults', () => {
    const config = loadConfig(
      file('for.yaml', 'thresholds:\n  cpu: { for: 2m }\n  disk: { warn: 85, for: 0s }\n  fill: { warn: 6h, crit: 30m }\n'),
    );
    expect(config.thresholds.cpu).toEqual({ warn: 70, crit: 90, forMs: 120_000 });
    expect(config.thresholds.disk).toEqual({ warn: 85, crit: 90, forMs: 0 });
    expect(config.thresholds.memory).toEqual(DEFAULT_THRESHOLDS.memory);
    expect(config.thresholds.fill).toEqual({ warnMs: 6 * 3_600_000, critMs: 30 * 60_000 });
  });

  it('CPU waits 30 s by default, the rest fire at once, and fill warns within 4 h, crit within 1 h', () => {
    const { thresholds } = loadConfig(file('empty.yaml', 'interval: 5s\n'));
    expect(thresholds.cpu.forMs).toBe(30_000);
    expect(thresholds.memory.forMs ?? 0).toBe(0);
    expect(thresholds.fill).toEqual({ warnMs: 4 * 3_600_000, critMs: 3_600_000 });
  });

  it.each([
    ['a for: that is no duration', 'thresholds:\n  cpu: { for: soon }\n', /thresholds\.cpu\.for: expected a duration/],
    ['a fill time of zero', 'thresholds:\n  fill: { crit: 0s }\n', /thresholds\.fill\.crit: must be more than 0/],
    ['a typo under fill', 'thresholds:\n  fill: { warning: 4h }\n', /thresholds\.fill: Unrecognized key/],
  ])('refuses %s with a one-line reason', (_, text, message) => {
    expect(() => loadConfig(file('bad.yaml', text))).toThrow(message);
  });
});

describe("config file: the kubelet's signals", () => {
  it('pressure alerts are off by default and on with a line; the others keep their defaults', () => {
    expect(loadConfig(file('none.yaml', 'interval: 5s\n')).thresholds.pressure).toBeNull();
    const { thresholds } = loadConfig(
      file('kubelet.yaml', 'thresholds:\n  pressure: { warn: 30 }\n  throttling: { crit: 60 }\n  inodes: { warn: 70, crit: 85 }\n'),
    );
    expect(thresholds.pressure).toEqual({ warn: 30, crit: 100 });
    expect(thresholds.throttling).toEqual({ warn: 25, crit: 60 });
    expect(thresholds.inodes).toEqual({ warn: 70, crit: 85 });
    expect(thresholds.ephemeral).toEqual(DEFAULT_THRESHOLDS.ephemeral);
    expect(thresholds.pids).toEqual(DEFAULT_THRESHOLDS.pids);
  });

  it('refuses a typo under them', () => {
    expect(() => loadConfig(file('typo.yaml', 'thresholds:\n  inode: { warn: 80 }\n'))).toThrow(/thresholds: Unrecognized key/);
  });
});

describe('config file: prometheus and history', () => {
  it('reads prometheus: as a URL, or with how far back to look, and the saved history’s bounds', () => {
    expect(loadConfig(file('p1.yaml', 'prometheus: http://prometheus.monitoring:9090\n')).prometheus?.target.where).toBe(
      'http://prometheus.monitoring:9090',
    );
    const config = loadConfig(
      file('p2.yaml', 'prometheus: { url: "k8s://monitoring/prometheus-operated:9090", window: 2h }\nhistory: { maxSize: 20MB }\n'),
    );
    expect(config.prometheus).toEqual({
      target: {
        kind: 'service',
        namespace: 'monitoring',
        service: 'prometheus-operated',
        port: '9090',
        where: 'k8s://monitoring/prometheus-operated:9090',
      },
      windowMs: 2 * 3_600_000,
    });
    expect(config.history).toEqual({ save: true, maxBytes: 20_000_000 });
    expect(loadConfig(file('p3.yaml', 'history: { save: false }\n')).history).toEqual({ save: false, maxBytes: 100_000_000 });
  });

  it.each([
    [
      'a Prometheus that is no address',
      'prometheus: prometheus:9090\n',
      /config .*p-bad\.yaml: prometheus 'prometheus:9090': expected http:\/\/HOST:PORT/,
    ],
    ['a window that is no duration', 'prometheus: { url: "http://p:9090", window: long }\n', /prometheus\.window: expected a duration/],
    ['a size without its unit', 'history: { maxSize: 100 }\n', /history\.maxSize: expected a size like 100MB/],
    ['a typo under history', 'history: { keep: true }\n', /history: Unrecognized key/],
  ])('refuses %s with a one-line reason', (_, text, message) => {
    expect(() => loadConfig(file('p-bad.yaml', text))).toThrow(message);
  });
});
