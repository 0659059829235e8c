import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMemory, writeMemory } from '../../src/cli/status/status-memory.js';
import { EMPTY_ALERTS } from '../../src/model/alerts.js';
import { NOTHING_REMEMBERED, type Remembered } from '../../src/model/one-shot-look.js';
import { tempDir } from '../helpers/temp-dir.js';

const SERVER = 'https://127.0.0.1:6443';
const remembered: Remembered = {
  samples: { disk: { u1: [[1000, 90, Number.NaN, 12]] }, memory: { u1: [[1000, 5e9]] } },
  alerts: {
    ...EMPTY_ALERTS,
    at: 1000,
    firing: [
      {
        key: 'node/u1|disk',
        kind: 'disk',
        target: { kind: 'node', name: 'hk-7', uid: 'u1' },
        level: 'crit',
        message: 'disk at 90%',
        since: 500,
        fullInMs: null,
      },
    ],
    pending: [{ key: 'node/u1|cpu', since: 900 }],
  },
};

describe('status memory: the file kmon status keeps between runs', () => {
  it('reads back what was written, unknown figures and all', () => {
    const file = path.join(tempDir('kmon-memory-'), 'ctx.alerts.json');
    writeMemory(file, SERVER, remembered);
    expect(readMemory(file, SERVER)).toEqual(remembered);
  });

  it('starts afresh for another server, a missing file or a broken one', () => {
    const dir = tempDir('kmon-memory-');
    const file = path.join(dir, 'ctx.alerts.json');
    writeMemory(file, SERVER, remembered);
    expect(readMemory(file, 'https://127.0.0.1:7443')).toBe(NOTHING_REMEMBERED);
    expect(readMemory(path.join(dir, 'none.json'), SERVER)).toBe(NOTHING_REMEMBERED);
  });
});
