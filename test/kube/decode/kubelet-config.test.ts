import { describe, expect, it } from 'vitest';
import { kubeletConfigSchema } from '../../../src/kube/decode/kubelet-config.js';

const MiB = 1024 * 1024;
const decode = (evictionHard: unknown) => kubeletConfigSchema.parse({ kubeletconfig: { enableServer: true, evictionHard } });

describe('kubeletConfigSchema (configz)', () => {
  it('reads the four hard thresholds as shares and amounts', () => {
    expect(
      decode({ 'memory.available': '100Mi', 'nodefs.available': '10%', 'nodefs.inodesFree': '5%', 'imagefs.available': '15%' }),
    ).toEqual({
      'memory.available': { amount: 100 * MiB },
      'nodefs.available': { percent: 10 },
      'nodefs.inodesFree': { percent: 5 },
      'imagefs.available': { percent: 15 },
    });
  });

  it('takes amounts for disk too, and leaves out what it cannot read or does not know', () => {
    expect(decode({ 'nodefs.available': '1Gi', 'imagefs.available': 'lots', 'pid.available': '10%' })).toEqual({
      'nodefs.available': { amount: 1024 * MiB },
    });
  });

  it('no evictionHard at all: the kubelet evicts on nothing', () => {
    expect(decode(undefined)).toEqual({});
    expect(decode(null)).toEqual({});
  });

  it('refuses an answer that is not a kubelet configuration', () => {
    expect(kubeletConfigSchema.safeParse({ kind: 'Status' }).success).toBe(false);
  });
});
