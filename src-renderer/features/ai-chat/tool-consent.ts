/** The user's answer to "run this tool?": this call only, this call and every later one of the tool, or not. */
export type ToolConsent = 'once' | 'always' | 'deny';

/** Whether a call waits for the user: it does unless they chose "Always" for this tool (by its namespaced name). */
export function needsConsent(alwaysAllowed: readonly string[], toolName: string): boolean {
  return !alwaysAllowed.includes(toolName);
}

/** The tools always allowed after the user's answer: "Always" adds the tool; the other answers change nothing. */
export function afterConsent(alwaysAllowed: readonly string[], toolName: string, consent: ToolConsent): string[] {
  return consent === 'always' && needsConsent(alwaysAllowed, toolName) ? [...alwaysAllowed, toolName] : [...alwaysAllowed];
}

/** What the model reads when a call did not run or failed: an error it can act on, never silence. */
export function toolErrorText(toolName: string, why: string): string {
  return `Error (tool ${toolName}): ${why}`;
}
