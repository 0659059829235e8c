const ROLE_PREFIX = 'node-role.kubernetes.io/';

type Labels = Readonly<Record<string, string>>;

// A node's labels are the same object until the node changes: 5,000 nodes' roles were worked out
// again for every frame, a fifth of the frame's garbage.
const known = new WeakMap<Labels, readonly string[]>();

/** Roles as kubectl shows them: from node-role.kubernetes.io/<role> labels and kubernetes.io/role. */
export function nodeRoles(labels: Labels): readonly string[] {
  let roles = known.get(labels);
  if (!roles) {
    roles = rolesOf(labels);
    known.set(labels, roles);
  }
  return roles;
}

function rolesOf(labels: Labels): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(labels)) {
    if (key.startsWith(ROLE_PREFIX) && key.length > ROLE_PREFIX.length) roles.add(key.slice(ROLE_PREFIX.length));
    else if (key === 'kubernetes.io/role' && value !== '') roles.add(value);
  }
  return [...roles].sort();
}
