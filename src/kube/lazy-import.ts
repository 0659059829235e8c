// import() for modules loaded only when needed. Node 20 loses a script's import() callback when
// V8's code cache compiled it (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING), so the code cache loader
// (src/cli/require-cached.ts) leaves an importer of its own here, and bundles compiled that way
// import through it.

export const IMPORTER = Symbol.for('kmon.importer');

type Importer = (specifier: string) => Promise<unknown>;

export function lazyImport<T>(specifier: string): Promise<T> {
  const importer = (globalThis as { [IMPORTER]?: Importer })[IMPORTER];
  return (importer ? importer(specifier) : import(specifier)) as Promise<T>;
}
