// Bundles kmon into dist/ with esbuild.
// - dist/kmon.js: every face; dependencies stay in node_modules and each face is its own chunk,
//   loaded only when chosen.
// - dist/status.cjs: `kmon status` alone with its few dependencies inlined, so the command tmux runs
//   every few seconds resolves and compiles as little as possible. Ink and client-node stay out.
//   CommonJS, like bin/kmon.js: Node's ES module loader costs a few milliseconds on every start.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  sourcemap: 'linked',
  logLevel: 'warning',
} as const;

// Chunk names carry content hashes: without a clean start, every build would leave the last one's behind.
rmSync('dist', { recursive: true, force: true });

const [, status] = await Promise.all([
  // The live screen's pod metrics worker is an entry of its own, beside the chunks it shares.
  build({
    ...common,
    entryPoints: { kmon: 'src/cli/main.ts', 'pod-metrics-worker': 'src/kube/pod-metrics-worker.ts' },
    outdir: 'dist',
    splitting: true,
    packages: 'external',
    minifySyntax: true,
  }),
  build({
    ...common,
    entryPoints: { status: 'src/cli/status-main.ts' },
    outfile: 'dist/status.cjs',
    format: 'cjs',
    minify: true,
    external: ['@kubernetes/client-node', 'ink', 'react'],
    metafile: true,
  }),
  // Loads dist/status.cjs through V8's code cache on Node versions without a compile cache of their own.
  build({
    ...common,
    entryPoints: { 'require-cached': 'src/cli/require-cached.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
  }),
]);

// The status bundle shares its flag table with the full program (src/cli/flag-table.ts); an import
// that drags commander in with it would cost every tmux refresh, so it stops the build.
const heavy = Object.keys(status.metafile.inputs).filter((input) => input.includes('node_modules/commander/'));
if (heavy.length) throw new Error(`dist/status.cjs must not bundle commander, but it takes ${heavy.join(', ')}`);
