import type { Periodic } from './periodic.js';
import type { Scenarios } from './scenarios.js';
import type { Change, ChangeEvent, ObjectRef } from './timeline.js';

function changesOf(
  schedule: Periodic,
  order: number,
  from: number,
  to: number,
  events: (edge: number, at: number) => ChangeEvent[],
): Change[] {
  return schedule.edgesIn(from, to).map(({ at, edge }) => ({ at, order, events: events(edge, at) }));
}

function modified(ref: ObjectRef) {
  return (_edge: number, at: number): ChangeEvent[] => [{ type: 'MODIFIED', ref, renderAt: at }];
}

/** Every object change the scenarios make in (from, to]. */
export function scenarioChanges(scenarios: Scenarios, from: number, to: number): Change[] {
  const { flapping, fillingDisk, leak, crash, cron } = scenarios;
  const out = [
    ...changesOf(flapping.schedule, 0, from, to, modified({ kind: 'node', index: flapping.node })),
    ...changesOf(fillingDisk.schedule, 1, from, to, modified({ kind: 'node', index: fillingDisk.node })),
  ];
  if (leak) out.push(...changesOf(leak.schedule, 2, from, to, modified({ kind: 'pod', slot: leak.slot })));
  if (crash) out.push(...changesOf(crash.schedule, 3, from, to, modified({ kind: 'pod', slot: crash.slot })));
  if (cron) {
    const ref: ObjectRef = { kind: 'pod', slot: cron.slot };
    // A new run replaces the last one: its pod is deleted (shown as it last was), the new one added.
    out.push(
      ...changesOf(cron.schedule, 4, from, to, (edge, at) =>
        edge === 0
          ? [
              { type: 'DELETED', ref, renderAt: at - 1 },
              { type: 'ADDED', ref, renderAt: at },
            ]
          : [{ type: 'MODIFIED', ref, renderAt: at }],
      ),
    );
  }
  return out;
}
