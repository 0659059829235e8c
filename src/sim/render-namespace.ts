import { uuid } from './names.js';
import { rfc3339 } from './wire-text.js';

/** A core/v1 Namespace; namespaces never change while the sim runs. */
export function renderNamespace(seed: number, name: string, index: number, createdAt: number, withType: boolean) {
  return {
    ...(withType ? { kind: 'Namespace', apiVersion: 'v1' } : {}),
    metadata: {
      name,
      uid: uuid(seed, 70, index),
      resourceVersion: String(10 + index),
      creationTimestamp: rfc3339(createdAt),
      labels: { 'kubernetes.io/metadata.name': name },
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}
