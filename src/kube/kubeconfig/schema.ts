import * as z from 'zod/mini';
import '../zod-english.js';

// Only the fields kmon reads are checked; the rest of each entry is kept as written so exec and
// auth-provider settings reach @kubernetes/client-node untouched.

export const clusterSchema = z.looseObject({
  server: z.string().check(z.minLength(1)),
  'certificate-authority': z.optional(z.string()),
  'certificate-authority-data': z.optional(z.string()),
  'insecure-skip-tls-verify': z.optional(z.boolean()),
  'tls-server-name': z.optional(z.string()),
  'proxy-url': z.optional(z.string()),
});

export const userSchema = z.looseObject({
  token: z.optional(z.string()),
  tokenFile: z.optional(z.string()),
  'client-certificate': z.optional(z.string()),
  'client-certificate-data': z.optional(z.string()),
  'client-key': z.optional(z.string()),
  'client-key-data': z.optional(z.string()),
  username: z.optional(z.string()),
  password: z.optional(z.string()),
  as: z.optional(z.string()),
  'as-groups': z.optional(z.array(z.string())),
  exec: z.optional(z.looseObject({ command: z.string() })),
  'auth-provider': z.optional(z.looseObject({ name: z.string() })),
});

export const contextSchema = z.looseObject({
  cluster: z.string(),
  user: z.optional(z.string()),
  namespace: z.optional(z.string()),
});

const name = z.string().check(z.minLength(1));

export const kubeconfigFileSchema = z.looseObject({
  clusters: z.nullish(z.array(z.looseObject({ name, cluster: z.optional(clusterSchema) }))),
  users: z.nullish(z.array(z.looseObject({ name, user: z.nullish(userSchema) }))),
  contexts: z.nullish(z.array(z.looseObject({ name, context: z.optional(contextSchema) }))),
  'current-context': z.nullish(z.string()),
});

export type ClusterEntry = z.infer<typeof clusterSchema>;
export type UserEntry = z.infer<typeof userSchema>;
export type ContextEntry = z.infer<typeof contextSchema>;
export type KubeconfigFile = z.infer<typeof kubeconfigFileSchema>;
