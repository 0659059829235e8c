// Benchmarks run as plain `node` on bundled code, as users run kmon: under tsx, its compiler would
// add its own time and memory to every figure.
import path from 'node:path';
import { build } from 'esbuild';
import { ROOT } from './sim-process.js';

// Inside the project, so the bundle's imports resolve against its node_modules.
const out = path.join(ROOT, 'dist', 'bench');

const options = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  packages: 'external',
  logLevel: 'warning',
} as const;

export async function bundle(entry: string): Promise<string> {
  const outfile = path.join(out, `${path.basename(entry, '.ts')}.mjs`);
  await Promise.all([
    build({ ...options, entryPoints: [path.join(ROOT, 'bench', entry)], outfile }),
    // The live screen's pod metrics worker, where the bundle looks for it (beside itself).
    build({
      ...options,
      entryPoints: [path.join(ROOT, 'src', 'kube', 'pod-metrics-worker.ts')],
      outfile: path.join(out, 'pod-metrics-worker.js'),
    }),
  ]);
  return outfile;
}
