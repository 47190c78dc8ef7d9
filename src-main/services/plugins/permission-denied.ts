import { LatheError } from '../../../src-shared/contract';

/** A refusal that names the plugin, the permission and the call, in its message and its details. */
export function permissionDenied(pluginId: string, permission: string, call: string, why: string): LatheError {
  return new LatheError('PERMISSION_DENIED', `The plugin ${pluginId} may not call ${call} without the permission "${permission}": ${why}`, { plugin: pluginId, permission, call });
}
