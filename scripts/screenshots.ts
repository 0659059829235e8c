// `npm run screenshots`: screenshots/*.png from the real program in a real terminal. tmux is the
// terminal; its captured screen becomes an HTML page, and Debian's headless Chromium photographs
// that. Only for the README: CI does not run it, and npm install downloads no browser for it.
import { chmod, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSim } from '../src/sim/start-sim.js';
import { preflight } from './screenshots/preflight.js';
import { savePng } from './screenshots/save-png.js';
import { shellQuote } from './screenshots/shell-quote.js';
import type { ShotContext } from './screenshots/shot-context.js';
import { shootLive } from './screenshots/shot-live.js';
import { shootSmallPane } from './screenshots/shot-small-pane.js';
import { shootStatusLine } from './screenshots/shot-status-line.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NODES = 6;
const MAX_KB = 300;

/**
 * A clean terminal environment: UTF-8, colour on (no NO_COLOR, not CI, where Ink holds frames back),
 * a throwaway HOME so no personal kmon config or status cache shows, and `kmon` on PATH so the
 * commands typed in the pictures read as a user would type them.
 */
async function terminalEnv(home: string, kubeconfig: string, kmonBin: string): Promise<NodeJS.ProcessEnv> {
  const bin = join(home, 'bin');
  await mkdir(bin, { recursive: true });
  await writeFile(join(bin, 'kmon'), `#!/bin/sh\nexec ${shellQuote(process.execPath)} ${shellQuote(kmonBin)} "$@"\n`);
  await chmod(join(bin, 'kmon'), 0o755);
  return {
    PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    HOME: home,
    LANG: 'C.UTF-8',
    KUBECONFIG: kubeconfig,
    PS1: '$ ',
    SHELL: '/bin/sh',
  };
}

async function main(): Promise<void> {
  const ready = preflight(process.env);
  if ('problem' in ready) {
    console.error(`screenshots: ${ready.problem}`);
    process.exit(1);
  }
  const { chromium } = ready;
  const outDir = join(ROOT, 'screenshots');
  const kmonBin = join(ROOT, 'bin', 'kmon.js');
  await mkdir(outDir, { recursive: true });
  const work = await mkdtemp(join(tmpdir(), 'kmon-screenshots-'));
  // A fixed seed for the same cluster every time, and metrics every 2 s so history fills in
  // seconds. Not every 1 s: the sim staggers each node's scrape by up to 1.5 s, so at 1 s a CPU
  // window can shrink to nothing and rates jump to impossible values (a node at 292%).
  const sim = await startSim({ nodes: NODES, seed: 1, metricResolutionMs: 2000 });
  try {
    const context: ShotContext = {
      env: await terminalEnv(join(work, 'home'), sim.kubeconfigPath, kmonBin),
      kubeconfig: sim.kubeconfigPath,
      kmonBin,
      nodes: NODES,
      tmuxOptions: [['default-terminal', 'tmux-256color']],
      save: async (name, capture, cols, rows) => {
        const png = await savePng({ chromium, workDir: work, outDir }, name, capture, cols, rows);
        const kb = Math.round((await stat(png)).size / 1024);
        console.log(`screenshots: ${png} (${kb} KB)`);
        // The PNGs live in git and load in the README: a picture past the budget fails the run.
        if (kb > MAX_KB) {
          console.error(`screenshots: ${name}.png is over ${MAX_KB} KB`);
          process.exitCode = 1;
        }
      },
    };
    await shootLive(context);
    await shootSmallPane(context);
    await shootStatusLine(context);
  } finally {
    await sim.stop();
    await rm(work, { recursive: true, force: true });
  }
}

await main();
