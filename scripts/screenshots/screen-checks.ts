// What the shots wait for, read from a captured screen: never a fixed sleep, always "is it there yet".

export const plain = (screen: string) => screen.replace(/\u001B\[[0-?]*[ -/]*[@-~]/g, '');

/** The longest run of sparkline blocks in a line: how many samples its history has drawn. */
export function sparkSamples(line: string): number {
  return Math.max(0, ...(line.match(/[▁▂▃▄▅▆▇█]+/g) ?? []).map((run) => run.length));
}

/** Rows that start with a node name, as the node pane and kmon top print them. */
export const nodeRows = (screen: string) =>
  plain(screen)
    .split('\n')
    .filter((line) => /^\s*hello-kube-\d+\s/.test(line));

/**
 * Every node row has been read from its kubelet (READ shows an age before PODS, so DISK% is in)
 * and shows sparklines of at least `samples` samples.
 */
export function nodesReady(screen: string, nodes: number, samples: number): boolean {
  const rows = nodeRows(screen);
  return rows.length >= nodes && rows.every((row) => /\s\d+[smh]\s+\d+\/\d+\s*$/.test(row) && sparkSamples(row) >= samples);
}

/** The shell is back at its `$ ` prompt (capture-pane drops the trailing space): the command is done. */
export const atPrompt = (screen: string) => plain(screen).trimEnd().split('\n').at(-1) === '$';
