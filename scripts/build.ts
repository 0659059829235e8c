// Bundles kmon into dist/ with esbuild.
// - dist/kmon.js: every face; dependencies stay in node_modules and each face is its own chunk,
//   loaded only when chosen.
// - dist/status.js: `kmon status` alone with its few dependencies inlined, so the command tmux runs
//   every few seconds resolves and compiles as little as possible. Ink and client-node stay out.
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

await Promise.all([
  build({ ...common, entryPoints: { kmon: 'src/cli/main.ts' }, outdir: 'dist', splitting: true, packages: 'external', minifySyntax: true }),
  build({
    ...common,
    entryPoints: { status: 'src/cli/status-main.ts' },
    outdir: 'dist',
    minify: true,
    external: ['@kubernetes/client-node', 'ink', 'react'],
    // Bundled CommonJS (yaml) may call require for Node built-ins.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  }),
]);
