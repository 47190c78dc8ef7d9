/** The longest tool name providers accept. */
const maxToolNameLength = 64;

/**
 * The name the model knows a plugin's tool by: the plugin's id with its dot made an underscore, two
 * underscores, then the tool's own name (`lathe-tests_ai-tools__count_words`). Publishers and plugin
 * names have no underscores, so no two plugins' tools can share a name.
 */
export function namespacedToolName(pluginId: string, toolName: string): string {
  return `${pluginId.replace('.', '_')}__${toolName}`;
}

/** Why the plugin cannot register a tool of this name, or null when it can. */
export function toolNameProblem(pluginId: string, toolName: string): string | null {
  if (!/^[A-Za-z0-9_-]+$/.test(toolName)) return `The AI tool name "${toolName.slice(0, 100)}" may have only letters, digits, "_" and "-"`;
  const full = namespacedToolName(pluginId, toolName);
  if (full.length > maxToolNameLength) return `The AI tool's full name ${full} is longer than ${maxToolNameLength} characters`;
  return null;
}
