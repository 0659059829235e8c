/** What every shot is given: a terminal environment wired to the simulated cluster, and where to put the picture. */
export interface ShotContext {
  /** PATH starts with a `kmon` that runs this checkout's bin/kmon.js; KUBECONFIG points at the sim. */
  readonly env: NodeJS.ProcessEnv;
  /** The sim's kubeconfig, for commands tmux runs on its own (status-right). */
  readonly kubeconfig: string;
  /** Absolute path of bin/kmon.js. */
  readonly kmonBin: string;
  readonly nodes: number;
  /** tmux options every server gets before its first pane starts. */
  readonly tmuxOptions: readonly (readonly [string, string])[];
  save(name: string, capture: string, cols: number, rows: number): Promise<void>;
}
