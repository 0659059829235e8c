import { homedir } from 'node:os';
import path from 'node:path';
import { contextFileBase, hash } from '../status/status-cache.js';

// Where the live screen keeps its history between runs: $XDG_STATE_HOME/kmon/history/ (by default
// ~/.local/state/kmon/history/), a pair of files per context and server: the nodes' histories, which
// kmon status and kmon check read too, and the pods', which only the live screen does.

export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.XDG_STATE_HOME || path.join(homedir(), '.local', 'state'), 'kmon');
}

export interface HistoryFiles {
  readonly dir: string;
  readonly nodes: string;
  readonly pods: string;
}

/** The files of one context and server: a context pointed at another cluster starts afresh. */
export function historyFiles(dir: string, identity: { readonly context: string; readonly server: string }): HistoryFiles {
  const historyDir = path.join(dir, 'history');
  const base = path.join(historyDir, `${contextFileBase(identity.context)}.${hash(identity.server)}`);
  return { dir: historyDir, nodes: `${base}.nodes.kmh`, pods: `${base}.pods.kmh` };
}
