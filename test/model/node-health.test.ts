import { describe, expect, it } from 'vitest';
import type { Level } from '../../src/model/levels.js';
import { nodeHealth } from '../../src/model/node-health.js';
import type { NodeCondition } from '../../src/model/records.js';
import { condition, nodeInfo } from '../helpers/records.js';

const ready = condition('Ready', 'True', 'kubelet is posting ready status');

describe('nodeHealth', () => {
  it.each<[string, NodeCondition[], boolean, string, Level, boolean | null, string[]]>([
    ['ready', [ready, condition('MemoryPressure', 'False')], false, 'Ready', 'ok', true, []],
    [
      'not ready',
      [condition('Ready', 'False', 'container runtime is down')],
      false,
      'NotReady',
      'crit',
      false,
      ['NotReady: container runtime is down'],
    ],
    [
      'ready unknown (kubelet stopped posting)',
      [condition('Ready', 'Unknown', 'Kubelet stopped posting node status.')],
      false,
      'NotReady',
      'crit',
      false,
      ['NotReady: Kubelet stopped posting node status.'],
    ],
    ['no Ready condition yet', [], false, 'Unknown', 'crit', null, ['NotReady: no Ready condition']],
    [
      'memory pressure',
      [ready, condition('MemoryPressure', 'True', 'low memory')],
      false,
      'Ready,Mem',
      'crit',
      true,
      ['MemoryPressure: low memory'],
    ],
    [
      'disk pressure',
      [ready, condition('DiskPressure', 'True', 'nodefs below 10%')],
      false,
      'Ready,Disk',
      'crit',
      true,
      ['DiskPressure: nodefs below 10%'],
    ],
    [
      'PID pressure',
      [ready, condition('PIDPressure', 'True', 'too many pids')],
      false,
      'Ready,PID',
      'crit',
      true,
      ['PIDPressure: too many pids'],
    ],
    [
      'network unavailable',
      [ready, condition('NetworkUnavailable', 'True', 'no route')],
      false,
      'Ready,Net',
      'crit',
      true,
      ['NetworkUnavailable: no route'],
    ],
    [
      'pressure conditions at False raise nothing',
      [ready, condition('DiskPressure', 'False'), condition('PIDPressure', 'Unknown')],
      false,
      'Ready',
      'ok',
      true,
      [],
    ],
    ['cordoned alone is no alert', [ready], true, 'Ready,Cordoned', 'ok', true, []],
    [
      'not ready, disk pressure and cordoned',
      [condition('Ready', 'False', 'x'), condition('DiskPressure', 'True', 'y')],
      true,
      'NotReady,Disk,Cordoned',
      'crit',
      false,
      ['NotReady: x', 'DiskPressure: y'],
    ],
  ])('%s', (_, conditions, unschedulable, status, level, isReady, reasons) => {
    const health = nodeHealth(nodeInfo('n', { conditions, unschedulable }));
    // Each alerting condition is named once, in the same order as its reason.
    const alerts = reasons.map((r) => r.split(':')[0]);
    expect(health).toEqual({ ready: isReady, status, level, alerts, reasons });
  });

  it('falls back to the reason when a condition has no message', () => {
    const health = nodeHealth(nodeInfo('n', { conditions: [{ type: 'Ready', status: 'False', reason: 'KubeletNotReady', message: '' }] }));
    expect(health.reasons).toEqual(['NotReady: KubeletNotReady']);
  });
});
