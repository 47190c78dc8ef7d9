/** A workflow command printed by a step: `::name key=value,key=value::message`. */
export interface WorkflowCommand {
  name: string;
  properties: Record<string, string>;
  message: string;
}

const commandLine = /^::([A-Za-z][\w-]*)(?: ([^:]*))?::(.*)$/s;

/** Reads a workflow command from a log line, undoing GitHub's escapes; undefined when the line is none. */
export function parseWorkflowCommand(line: string): WorkflowCommand | undefined {
  if (!line.startsWith('::')) return undefined;
  const match = commandLine.exec(line);
  if (!match) return undefined;
  const [, name = '', rawProperties = '', message = ''] = match;
  const properties: Record<string, string> = {};
  for (const pair of rawProperties.split(',')) {
    const equals = pair.indexOf('=');
    if (equals <= 0) continue;
    properties[pair.slice(0, equals).trim()] = unescapeProperty(pair.slice(equals + 1));
  }
  return { name: name.toLowerCase(), properties, message: unescapeData(message) };
}

function unescapeData(text: string): string {
  return text.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

function unescapeProperty(text: string): string {
  return unescapeData(text.replace(/%3A/gi, ':').replace(/%2C/gi, ','));
}
