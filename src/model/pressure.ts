// Pressure stall information (PSI): the share of wall time in which some (or all) of a cgroup's
// tasks waited for CPU, memory or I/O, averaged over 10 s, 60 s and 300 s, in percent. The kubelet
// reports it from 1.34 on cgroup v2; an older kubelet or cgroup v1 leaves it out, which means "not
// reported", never 0.

export interface StallAverages {
  readonly avg10: number;
  readonly avg60: number;
  readonly avg300: number;
}

/** `some`: at least one task stalled; `full`: all non-idle tasks at once (absent for some resources). */
export interface Stall {
  readonly some: StallAverages;
  readonly full: StallAverages | null;
}

export interface Pressure {
  readonly cpu: Stall | null;
  readonly memory: Stall | null;
  readonly io: Stall | null;
}

export const PRESSURE_RESOURCES = ['cpu', 'memory', 'io'] as const;
export type PressureResource = (typeof PRESSURE_RESOURCES)[number];

/** Whether anything was reported at all: a kubelet without PSI sends no block for any resource. */
export function reportsPressure(pressure: Pressure | null | undefined): pressure is Pressure {
  return !!pressure && (pressure.cpu !== null || pressure.memory !== null || pressure.io !== null);
}

/** The `some` average over the last 10 s: the figure that moves first in an incident. */
export function someAvg10(pressure: Pressure | null | undefined, resource: PressureResource): number | null {
  return pressure?.[resource]?.some.avg10 ?? null;
}

/** The worst `some avg10` of the three, for an alert on pressure of any kind. */
export function worstPressure(pressure: Pressure | null | undefined): { resource: PressureResource; percent: number } | null {
  let worst: { resource: PressureResource; percent: number } | null = null;
  for (const resource of PRESSURE_RESOURCES) {
    const percent = someAvg10(pressure, resource);
    if (percent !== null && (!worst || percent > worst.percent)) worst = { resource, percent };
  }
  return worst;
}

/** "cpu pressure at 40%", as rows and alerts word it. */
export function pressureText(worst: { resource: PressureResource; percent: number }): string {
  return `${worst.resource} pressure at ${Math.trunc(worst.percent)}%`;
}
