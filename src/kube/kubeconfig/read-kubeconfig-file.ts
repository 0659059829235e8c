import { readFileSync } from 'node:fs';
import { parse, YAMLParseError } from 'yaml';
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
    raw = parse(text) ?? {};
  } catch (e) {
    const where = e instanceof YAMLParseError && e.linePos ? ` at line ${e.linePos[0].line}` : '';
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
