// Bundles kmon into dist/ with esbuild. Dependencies stay external (loaded from node_modules) and
// every face is its own chunk, so `kmon status` loads neither Ink nor client-node.
import { build } from 'esbuild';

await build({
  entryPoints: { kmon: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  jsx: 'automatic',
  sourcemap: 'linked',
  minifySyntax: true,
  logLevel: 'warning',
});
