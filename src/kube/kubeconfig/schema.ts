import * as z from 'zod';

// Only the fields kmon reads are checked; the rest of each entry is kept as written so exec and
// auth-provider settings reach @kubernetes/client-node untouched.

export const clusterSchema = z.looseObject({
  server: z.string().min(1),
  'certificate-authority': z.string().optional(),
  'certificate-authority-data': z.string().optional(),
  'insecure-skip-tls-verify': z.boolean().optional(),
  'tls-server-name': z.string().optional(),
  'proxy-url': z.string().optional(),
});

export const userSchema = z.looseObject({
  token: z.string().optional(),
  tokenFile: z.string().optional(),
  'client-certificate': z.string().optional(),
  'client-certificate-data': z.string().optional(),
  'client-key': z.string().optional(),
  'client-key-data': z.string().optional(),
  username: z.string().optional(),
  password: z.string().optional(),
  as: z.string().optional(),
  'as-groups': z.array(z.string()).optional(),
  exec: z.looseObject({ command: z.string() }).optional(),
  'auth-provider': z.looseObject({ name: z.string() }).optional(),
});

export const contextSchema = z.looseObject({
  cluster: z.string(),
  user: z.string().optional(),
  namespace: z.string().optional(),
});

const name = z.string().min(1);

export const kubeconfigFileSchema = z.looseObject({
  clusters: z.array(z.looseObject({ name, cluster: clusterSchema.optional() })).nullish(),
  users: z.array(z.looseObject({ name, user: userSchema.nullish() })).nullish(),
  contexts: z.array(z.looseObject({ name, context: contextSchema.optional() })).nullish(),
  'current-context': z.string().nullish(),
});

export type ClusterEntry = z.infer<typeof clusterSchema>;
export type UserEntry = z.infer<typeof userSchema>;
export type ContextEntry = z.infer<typeof contextSchema>;
export type KubeconfigFile = z.infer<typeof kubeconfigFileSchema>;
