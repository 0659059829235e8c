import type { ClusterLayout, NodeSpec, PodSlot } from './cluster-layout.js';
import { between, unit } from './hash.js';
import type { ContainerLife } from './pod-life.js';
import { thousandths, wholeUnits } from './quantity-value.js';
import type { Scenarios } from './scenarios.js';
import type { ContainerTemplate } from './workload.js';

const MI = 1024 * 1024;
const PAGE = 4096;
const TAU = 2 * Math.PI;

/** A kubelet sample and the one before it: metrics-server's window spans the two. */
export interface SampleTimes {
  readonly at: number;
  readonly previous: number;
}

export interface ContainerUsage {
  /** Average nanocores over the window, as cAdvisor's usageNanoCores and metrics-server compute it. */
  readonly cpuNanoCores: number;
  readonly workingSetBytes: number;
}

/** Usage is a sum of two sine waves per series, so cumulative CPU has a closed form. */
interface Wave {
  readonly base: number;
  readonly a1: number;
  readonly p1: number;
  readonly f1: number;
  readonly a2: number;
  readonly p2: number;
  readonly f2: number;
}

function wave(base: number, a1: number, a2: number, ...key: readonly number[]): Wave {
  return {
    base,
    a1,
    p1: Math.round(between(180_000, 600_000, ...key, 1)),
    f1: between(0, TAU, ...key, 2),
    a2,
    p2: Math.round(between(40_000, 95_000, ...key, 3)),
    f2: between(0, TAU, ...key, 4),
  };
}

function angle(t: number, period: number, phase: number): number {
  return (TAU * (t % period)) / period + phase;
}

/** ∫ rate dt over [from, to], in CPU-nanoseconds when base is in nanocores. */
function integral(w: Wave, from: number, to: number): number {
  const swing = (a: number, p: number, f: number) => ((a * p) / TAU) * (Math.cos(angle(from, p, f)) - Math.cos(angle(to, p, f)));
  return (w.base * (to - from + swing(w.a1, w.p1, w.f1) + swing(w.a2, w.p2, w.f2))) / 1000;
}

function level(w: Wave, t: number): number {
  return w.base * (1 + w.a1 * Math.sin(angle(t, w.p1, w.f1)) + w.a2 * Math.sin(angle(t, w.p2, w.f2)));
}

const pages = (bytes: number) => Math.floor(bytes / PAGE) * PAGE;

/**
 * The numbers behind the kubelet and metrics-server: each node is sampled once per metric
 * resolution (a little before the scrape, as cAdvisor's housekeeping is), and every endpoint
 * reads the same samples, so the Summary API and the Metrics API agree.
 */
export class UsageModel {
  private readonly noise: number;
  // Wave parameters are hashed once per container: the 5,000-node lists read every one each scrape.
  private readonly cpuWaves: (readonly Wave[] | undefined)[] = [];
  private readonly memoryWaves: (readonly Wave[] | undefined)[] = [];
  // The sample times of the current scrape, asked for once per container.
  private timesAt: { k: number; byNode: (SampleTimes | undefined)[] } = { k: Number.NaN, byNode: [] };
  private flapping: Wave | null = null;

  constructor(
    private readonly layout: ClusterLayout,
    private readonly scenarios: Scenarios,
    readonly resolutionMs: number,
  ) {
    // Jitter of the cumulative counter, in milliseconds of base rate: ±6% of a window.
    this.noise = 0.06 * resolutionMs;
  }

  /** The latest scrape at or before t. */
  scrapeIndex(t: number): number {
    return Math.floor(t / this.resolutionMs);
  }

  scrapeTime(k: number): number {
    return k * this.resolutionMs;
  }

  times(node: number, k: number): SampleTimes {
    if (this.timesAt.k !== k) this.timesAt = { k, byNode: [] };
    let times = this.timesAt.byNode[node];
    if (!times) {
      times = { at: this.sampleTime(node, k), previous: this.sampleTime(node, k - 1) };
      this.timesAt.byNode[node] = times;
    }
    return times;
  }

  private sampleTime(node: number, k: number): number {
    return k * this.resolutionMs - Math.floor(unit(this.layout.seed, 30, node, k) * 1500);
  }

  private waves(
    cache: (readonly Wave[] | undefined)[],
    pod: PodSlot,
    make: (index: number, c: ContainerTemplate) => Wave,
  ): readonly Wave[] {
    let waves = cache[pod.slot];
    if (!waves) {
      waves = pod.workload.containers.map((c, i) => make(i, c));
      cache[pod.slot] = waves;
    }
    return waves;
  }

  private cpuWave(pod: PodSlot, index: number, template: ContainerTemplate): Wave {
    const node = this.layout.nodes[pod.node] as NodeSpec;
    const key = [this.layout.seed, 31, pod.slot, index] as const;
    const hot = this.scenarios.hot === pod.node;
    // On the flapping node the pods hold steady, so the node's CPU is the system's swing around its line.
    const steady = this.scenarios.flappingCpu === pod.node;
    const a1 = steady ? 0 : hot ? 0.45 : between(0.15, 0.45, ...key, 5);
    const a2 = steady ? 0 : between(0.05, 0.15, ...key, 6);
    let base = template.cpuMilli * 1e6 * node.load * between(0.6, 1.4, ...key, 7);
    const limit = template.limits?.cpu;
    if (limit) base = Math.min(base, (thousandths(limit) * 1e6 * 0.95) / (1 + a1 + a2 + 0.2));
    const own = wave(Math.max(base, 2e5), a1, a2, ...key);
    // On the hot node the pods peak together (a batch wave every 5 minutes), so the node's
    // CPU swings across the warning and critical lines instead of averaging out.
    return hot ? { ...own, p1: 300_000, f1: between(0, TAU, this.layout.seed, 36, pod.node) } : own;
  }

  private memoryWave(pod: PodSlot, index: number, template: ContainerTemplate): Wave {
    const key = [this.layout.seed, 32, pod.slot, index] as const;
    const a1 = between(0.02, 0.08, ...key, 5);
    let base = template.memoryMi * MI * between(0.85, 1.15, ...key, 7);
    const limit = template.limits?.memory;
    if (limit) base = Math.min(base, (wholeUnits(limit) * 0.85) / (1 + a1 + 0.03));
    return wave(Math.max(base, 2 * MI), a1, 0.01, ...key);
  }

  private jitter(pod: PodSlot, index: number, k: number): number {
    return unit(this.layout.seed, 33, pod.slot, index, k);
  }

  containerUsage(pod: PodSlot, index: number, k: number): ContainerUsage {
    const { at, previous } = this.times(pod.node, k);
    const cpu = this.cpuWaveOf(pod, index);
    const noise = cpu.base * this.noise * 1e-3;
    const delta = integral(cpu, previous, at) + noise * (this.jitter(pod, index, k) - this.jitter(pod, index, k - 1));
    return {
      cpuNanoCores: Math.max(0, Math.floor(delta / ((at - previous) / 1000))),
      workingSetBytes: this.workingSet(pod, index, at, k),
    };
  }

  /** The container's CPU counter (nanoseconds since it started), at sample k. */
  containerCpuCumulative(pod: PodSlot, index: number, life: ContainerLife, k: number): number {
    const started = life.state.kind === 'running' ? life.state.startedAt : Number.POSITIVE_INFINITY;
    return Math.round(this.lifetimeCpu(pod, index, started, k));
  }

  /** CPU-nanoseconds the container would have used since its pod started: the node's share of it. */
  lifetimeCpu(pod: PodSlot, index: number, since: number, k: number): number {
    const at = this.times(pod.node, k).at;
    const cpu = this.cpuWaveOf(pod, index);
    return integral(cpu, Math.min(since, at), at) + cpu.base * this.noise * 1e-3 * this.jitter(pod, index, k);
  }

  private cpuWaveOf(pod: PodSlot, index: number): Wave {
    return this.waves(this.cpuWaves, pod, (i, c) => this.cpuWave(pod, i, c))[index] as Wave;
  }

  private workingSet(pod: PodSlot, index: number, at: number, k: number): number {
    const leak = this.scenarios.leak;
    const limit = pod.workload.containers[index]?.limits?.memory;
    if (leak?.slot === pod.slot && limit) {
      const fraction = 0.5 + (0.48 * leak.schedule.offset(at)) / leak.schedule.periodMs;
      return pages(wholeUnits(limit) * fraction);
    }
    const jitter = 1 + 0.012 * (2 * unit(this.layout.seed, 34, pod.slot, index, k) - 1);
    const memory = this.waves(this.memoryWaves, pod, (i, c) => this.memoryWave(pod, i, c))[index] as Wave;
    return pages(level(memory, at) * jitter);
  }

  private systemWaves(node: NodeSpec): { cpu: Wave; memory: Wave } {
    const key = [this.layout.seed, 35, node.index] as const;
    const cpu = wave((110 + 14 * node.machine.cpuCores) * 1e6 * between(0.8, 1.2, ...key, 8), 0.3, 0.1, ...key);
    return {
      cpu: this.scenarios.flappingCpu === node.index ? this.flappingCpu(node) : cpu,
      memory: wave((520 + 36 * node.machine.cpuCores) * MI * between(0.9, 1.1, ...key, 9), 0.04, 0.01, ...key, 10),
    };
  }

  /**
   * The flapping node's system CPU tops its (steady) pods' up to 69% of allocatable on average and
   * swings 8% of it either way every 40 seconds: across the 70% warning line for under 20 s at a
   * time, and back, faster than an alert waits (30 s).
   */
  private flappingCpu(node: NodeSpec): Wave {
    if (this.flapping) return this.flapping;
    const allocatable = node.machine.allocatableCpuMilli * 1e6;
    const { podsPerNode, pods: slots } = this.layout;
    let pods = 0;
    for (let slot = node.index * podsPerNode; slot < (node.index + 1) * podsPerNode; slot++) {
      const pod = slots[slot];
      if (!pod || pod.behaviour === 'cron' || pod.behaviour === 'crash') continue;
      pod.workload.containers.forEach((_, i) => {
        pods += this.cpuWaveOf(pod, i).base;
      });
    }
    const swing = 0.08 * allocatable;
    const base = Math.max(swing, 0.69 * allocatable - pods);
    this.flapping = { base, a1: 0, p1: 600_000, f1: 0, a2: swing / base, p2: 40_000, f2: 0 };
    return this.flapping;
  }

  /** The kubelet, runtime and OS: what a node uses beyond its pods. */
  systemUsage(node: NodeSpec, k: number): ContainerUsage {
    const { cpu, memory } = this.systemWaves(node);
    const { at, previous } = this.times(node.index, k);
    return { cpuNanoCores: Math.floor(integral(cpu, previous, at) / ((at - previous) / 1000)), workingSetBytes: pages(level(memory, at)) };
  }

  systemCpuCumulative(node: NodeSpec, k: number): number {
    return Math.round(integral(this.systemWaves(node).cpu, node.bootAt, this.times(node.index, k).at));
  }
}
