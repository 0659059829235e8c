import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import path from 'node:path';
import { Script } from 'node:vm';
import { IMPORTER } from '../kube/lazy-import.js';

// `kmon status` runs every few seconds under tmux, and compiling its bundle is a good part of its
// start-up. Node 22+ keeps compiled code between runs by itself (module.enableCompileCache, which
// bin/kmon.js turns on); on Node 20 this does the same for the one bundle: V8's code cache for it,
// kept in the user's cache directory and made again whenever the bundle or Node changes. V8 checks
// the cache against the source and its own version and ignores one that does not fit.

function cacheFile(file: string): string {
  const { size, mtimeMs } = statSync(file);
  const base = process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache');
  return path.join(base, 'kmon', 'code', `${path.basename(file)}-${size}-${Math.trunc(mtimeMs)}-${process.version}.bin`);
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** require(file) for a CommonJS bundle, through V8's code cache where Node does not keep one itself. */
export function requireCached(file: string): unknown {
  const nodeCaches = typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === 'function';
  if (nodeCaches) return createRequire(file)(file);
  const cache = cacheFile(file);
  const cachedData = readCache(cache);
  // This module is compiled by Node's own loader, so its import() works where the bundle's would not.
  (globalThis as { [IMPORTER]?: (specifier: string) => Promise<unknown> })[IMPORTER] = (specifier) => import(specifier);
  const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  const module = { exports: {} as unknown };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
  if (!cachedData || script.cachedDataRejected) {
    // At exit, so the cache holds the functions this run compiled too, not only the top level.
    process.once('exit', () => {
      try {
        mkdirSync(path.dirname(cache), { recursive: true, mode: 0o700 });
        writeFileSync(cache, script.createCachedData(), { mode: 0o600 });
      } catch {
        // No cache this time; the next run tries again.
      }
    });
  }
  return module.exports;
}
