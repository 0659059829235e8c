import { readFileSync } from 'node:fs';
import { load, YAMLException } from 'js-yaml';
import { KubeconfigError } from './kubeconfig-error.js';
import type { LoadedFile } from './merge.js';
import { kubeconfigFileSchema } from './schema.js';

export function readKubeconfigFile(file: string): LoadedFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new KubeconfigError(`kubeconfig ${file}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code})`}`);
  }
  let raw: unknown;
  try {
    // js-yaml rather than yaml: a fifth of the code to load, which `kmon status` pays every few seconds.
    raw = load(text) ?? {};
  } catch (e) {
    const where = e instanceof YAMLException ? ` at line ${e.mark.line + 1}` : '';
    throw new KubeconfigError(`kubeconfig ${file}: not valid YAML${where}`);
  }
  const result = kubeconfigFileSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const at = issue?.path.length ? issue.path.join('.') : 'top level';
    throw new KubeconfigError(`kubeconfig ${file}: ${at}: ${issue?.message ?? 'invalid'}`);
  }
  return { path: file, content: result.data };
}
