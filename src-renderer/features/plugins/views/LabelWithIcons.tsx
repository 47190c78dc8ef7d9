import { Codicon } from '../../../platform/ui/Codicon';

/** A label in which `$(name)` shows the codicon `name`, as in VS Code's status bar items. */
export function LabelWithIcons({ text }: { text: string }) {
  const parts = text.split(/(\$\([a-z0-9-]{1,64}\))/);
  return parts.map((part, index) => {
    const icon = /^\$\(([a-z0-9-]+)\)$/.exec(part)?.[1];
    return icon ? <Codicon key={index} name={icon} /> : part ? <span key={index}>{part}</span> : null;
  });
}
