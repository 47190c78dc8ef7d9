import { z } from 'zod';

/** Permissions that are simply granted or not. */
export const pluginFlagPermissions = ['workspace.read', 'workspace.write', 'terminal', 'ai', 'secrets', 'clipboard'] as const;
export type PluginFlagPermission = (typeof pluginFlagPermissions)[number];

/** Every permission a plugin can ask for; `process` and `network` also name what they cover. */
export const pluginPermissionKinds = [...pluginFlagPermissions, 'process', 'network'] as const;
export type PluginPermissionKind = (typeof pluginPermissionKinds)[number];

/** A program looked up on the PATH by name: never a path, so a plugin cannot smuggle one in. */
export const processCommandSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$/, 'a program name without a path (e.g. "cargo")');

/** A host name or IP address, with an optional port; `*.` in front covers its subdomains (not the domain itself). */
export const networkHostSchema = z
  .string()
  .max(260)
  .regex(
    /^(\*\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(:\d{1,5})?$/,
    'a lower-case host name or IP address with an optional port (e.g. "crates.io", "*.github.com", "127.0.0.1:8080")',
  );

/**
 * How a manifest asks for permissions: `"permissions": ["workspace.read", { "process": ["cargo", "git"] },
 * { "network": ["crates.io"] }]`.
 */
export const manifestPermissionSchema = z.union(
  [
    z.enum(pluginFlagPermissions),
    z.strictObject({ process: z.array(processCommandSchema).min(1).max(32) }),
    z.strictObject({ network: z.array(networkHostSchema).min(1).max(32) }),
  ],
  {
    error: `expected one of ${pluginFlagPermissions.map((flag) => `"${flag}"`).join(', ')}, { "process": [program names] } or { "network": [hosts] }`,
  },
);
export type ManifestPermission = z.infer<typeof manifestPermissionSchema>;

/** A set of permissions, as requested by a manifest or granted by the user: flags, programs and hosts, each sorted once. */
export const pluginPermissionsSchema = z.object({
  flags: z.array(z.enum(pluginFlagPermissions)),
  process: z.array(processCommandSchema),
  network: z.array(networkHostSchema),
});
export type PluginPermissions = z.infer<typeof pluginPermissionsSchema>;

export const noPermissions: PluginPermissions = { flags: [], process: [], network: [] };

const sortedUnique = <T extends string>(values: Iterable<T>): T[] => [...new Set(values)].sort();

/** The permission set a manifest's `permissions` array asks for. */
export function requestedPermissions(entries: readonly ManifestPermission[]): PluginPermissions {
  return {
    flags: sortedUnique(entries.filter((entry) => typeof entry === 'string')),
    process: sortedUnique(entries.flatMap((entry) => (typeof entry === 'object' && 'process' in entry ? entry.process : []))),
    network: sortedUnique(entries.flatMap((entry) => (typeof entry === 'object' && 'network' in entry ? entry.network : []))),
  };
}

/** What `requested` asks for beyond `granted` (empty when the grant covers it). */
export function uncoveredPermissions(requested: PluginPermissions, granted: PluginPermissions): PluginPermissions {
  return {
    flags: requested.flags.filter((flag) => !granted.flags.includes(flag)),
    process: requested.process.filter((command) => !granted.process.includes(command)),
    network: requested.network.filter((host) => !granted.network.includes(host)),
  };
}

export function isEmptyPermissions(permissions: PluginPermissions): boolean {
  return permissions.flags.length === 0 && permissions.process.length === 0 && permissions.network.length === 0;
}

export function samePermissions(a: PluginPermissions, b: PluginPermissions): boolean {
  return isEmptyPermissions(uncoveredPermissions(a, b)) && isEmptyPermissions(uncoveredPermissions(b, a));
}

/** Whether a permission of this kind is part of the set (for `process` and `network`: at least one program or host). */
export function hasPermission(permissions: PluginPermissions, kind: PluginPermissionKind): boolean {
  if (kind === 'process') return permissions.process.length > 0;
  if (kind === 'network') return permissions.network.length > 0;
  return permissions.flags.includes(kind);
}
