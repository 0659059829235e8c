// Benchmarks run as plain `node` on bundled code, as users run kmon: under tsx, its compiler would
// add its own time and memory to every figure.
import path from 'node:path';
import { build } from 'esbuild';
import { ROOT } from './sim-process.js';

// Inside the project, so the bundle's imports resolve against its node_modules.
const out = path.join(ROOT, 'dist', 'bench');

export async function bundle(entry: string): Promise<string> {
  const outfile = path.join(out, `${path.basename(entry, '.ts')}.mjs`);
  await build({
    entryPoints: [path.join(ROOT, 'bench', entry)],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    jsx: 'automatic',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}
