import { z } from 'zod';

/** Which input edits a setting, read from its schema in the contract (the registry is the only source). */
export type SettingControl =
  | { kind: 'boolean' }
  | { kind: 'enum'; options: string[] }
  | { kind: 'number'; min: number | undefined; max: number | undefined }
  | { kind: 'patterns' }
  | { kind: 'json' };

export function controlFor(schema: z.ZodType): SettingControl {
  if (schema instanceof z.ZodBoolean) return { kind: 'boolean' };
  if (schema instanceof z.ZodEnum) return { kind: 'enum', options: schema.options.map(String) };
  if (schema instanceof z.ZodNumber) return { kind: 'number', min: finite(schema.minValue), max: finite(schema.maxValue) };
  if (schema instanceof z.ZodRecord) return { kind: 'patterns' };
  return { kind: 'json' };
}

function finite(value: number | null): number | undefined {
  return value !== null && Number.isFinite(value) ? value : undefined;
}

/** `editor.minimap.enabled` → "Editor › Minimap: Enabled", as VS Code titles settings. */
export function settingTitle(key: string): string {
  const words = key.split('.').map((part) => part.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (first) => first.toUpperCase()));
  const name = words.pop() ?? key;
  return words.length > 0 ? `${words.join(' › ')}: ${name}` : name;
}
