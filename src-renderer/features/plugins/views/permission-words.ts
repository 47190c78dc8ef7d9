import type { PluginPermissions } from '../../../../src-shared/plugins/permissions';

const flagWords: Record<PluginPermissions['flags'][number], string> = {
  'workspace.read': 'Read the files of the open folder',
  'workspace.write': 'Change, create and delete files of the open folder',
  terminal: 'Open terminals and type commands into them',
  ai: 'Send requests to your AI providers (usage counts against your keys)',
  secrets: 'Keep its own secrets in the system keychain',
  clipboard: 'Read and write the clipboard',
};

/** Each permission of a set as a sentence the user can judge. */
export function describePermissions(permissions: PluginPermissions): { key: string; text: string }[] {
  return [
    ...permissions.flags.map((flag) => ({ key: flag, text: flagWords[flag] })),
    ...(permissions.process.length > 0 ? [{ key: 'process', text: `Run these programs: ${permissions.process.join(', ')}` }] : []),
    ...(permissions.network.length > 0 ? [{ key: 'network', text: `Connect to: ${permissions.network.join(', ')}` }] : []),
  ];
}
