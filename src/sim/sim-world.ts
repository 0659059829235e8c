import { buildLayout, type ClusterLayout, type PodSlot } from './cluster-layout.js';
import { type PodLife, podLife } from './pod-life.js';
import { Presence } from './presence.js';
import { scenarioChanges } from './scenario-changes.js';
import { buildScenarios, type ScenarioOptions, type Scenarios } from './scenarios.js';
import { type ObjectRef, Timeline } from './timeline.js';
import { UsageModel } from './usage-model.js';

export interface WorldOptions {
  readonly seed: number;
  readonly nodes: number;
  readonly podsPerNode: number;
  readonly metricResolutionMs: number;
  readonly clock: () => number;
  readonly scenarios?: ScenarioOptions;
}

/**
 * The simulated cluster's state: a fixed layout, scenarios that are pure functions of time, and
 * the timeline that turns their changes into resourceVersions and watch events. Everything the
 * endpoints serve is derived from here at the moment of the request.
 */
export class SimWorld {
  readonly layout: ClusterLayout;
  readonly scenarios: Scenarios;
  readonly usage: UsageModel;
  readonly timeline: Timeline;
  /** Objects the `removed` fault has taken away. */
  readonly presence = new Presence();
  private readonly nodeIndex: ReadonlyMap<string, number>;
  // Steady pods never change; keeping their lives saves rebuilding 150,000 of them per list.
  private readonly steadyLives: (PodLife | undefined)[] = [];

  constructor(private readonly options: WorldOptions) {
    const startedAt = Math.floor(options.clock());
    this.layout = buildLayout({ seed: options.seed, nodes: options.nodes, podsPerNode: options.podsPerNode, startedAt });
    this.scenarios = buildScenarios(this.layout, options.scenarios);
    this.usage = new UsageModel(this.layout, this.scenarios, options.metricResolutionMs);
    // Above every object's initial version (see version()), as etcd's revision is.
    const startVersion = 1000 + this.layout.nodes.length + this.layout.pods.length;
    this.timeline = new Timeline(startedAt, startVersion, (from, to) => scenarioChanges(this.scenarios, from, to));
    this.nodeIndex = new Map(this.layout.nodes.map((n) => [n.name, n.index]));
  }

  /** Brings simulated time up to the clock; true when objects changed. */
  sync(): boolean {
    return this.timeline.advance(Math.floor(this.options.clock()));
  }

  /**
   * Deletes these nodes (with their pods) and namespaces (with theirs) now, and brings back, as new
   * objects, any removed before and not named this time.
   */
  setRemoved(nodes: readonly string[], namespaces: readonly string[]): void {
    this.sync();
    const indices = new Set(nodes.flatMap((name) => this.nodeIndex.get(name) ?? []));
    const layout = {
      nodeCount: this.layout.nodes.length,
      podCount: this.layout.pods.length,
      podHome: (slot: number) => ({ node: this.pod(slot).node, namespace: this.pod(slot).workload.namespace }),
    };
    this.timeline.record(this.presence.update(indices, new Set(namespaces), this.now, layout));
  }

  nodePresent(index: number): boolean {
    return this.presence.nodePresent(index);
  }

  podPresent(slot: number): boolean {
    const pod = this.pod(slot);
    return this.presence.podPresent({ node: pod.node, namespace: pod.workload.namespace });
  }

  get now(): number {
    return this.timeline.now;
  }

  pod(slot: number): PodSlot {
    const pod = this.layout.pods[slot];
    if (!pod) throw new Error(`no pod slot ${slot}`);
    return pod;
  }

  life(slot: number, t: number): PodLife {
    const pod = this.pod(slot);
    if (pod.behaviour !== 'steady') return podLife(this.layout, this.scenarios, pod, t);
    let life = this.steadyLives[slot];
    if (!life) {
      life = podLife(this.layout, this.scenarios, pod, t);
      this.steadyLives[slot] = life;
    }
    return life;
  }

  /** The pod's current name: fixed, except for the CronJob's runs. */
  podName(slot: number, t: number): string {
    const pod = this.pod(slot);
    return pod.behaviour === 'cron' ? this.life(slot, t).name : pod.name;
  }

  findNode(name: string): number | null {
    return this.nodeIndex.get(name) ?? null;
  }

  findPod(namespace: string, name: string, t: number): number | null {
    const slot = this.layout.byKey.get(`${namespace}/${name}`);
    if (slot !== undefined) return slot;
    const cron = this.scenarios.cron;
    return cron && this.pod(cron.slot).workload.namespace === namespace && this.podName(cron.slot, t) === name ? cron.slot : null;
  }

  version(ref: ObjectRef): number {
    const initial = ref.kind === 'node' ? 200 + ref.index : 200 + this.layout.nodes.length + ref.slot;
    return this.timeline.objectVersion(ref, initial);
  }
}
