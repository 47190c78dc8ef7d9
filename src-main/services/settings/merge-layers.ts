import { defaultSettings, settingKeys, type SettingsValues } from '../../../src-shared/contract';

/**
 * Effective values: defaults, then each layer in order. Object values (such as `files.exclude`)
 * are merged entry by entry rather than replaced, as VS Code does, so a user file that adds one
 * pattern keeps the default ones and can switch one off with `false`.
 */
export function mergeLayers(layers: readonly Partial<SettingsValues>[]): SettingsValues {
  const values: Record<string, unknown> = {};
  for (const key of settingKeys) {
    let value: unknown = structuredClone(defaultSettings[key]);
    for (const layer of layers) {
      if (Object.hasOwn(layer, key)) value = mergeValue(value, layer[key]);
    }
    values[key] = value;
  }
  return values as SettingsValues;
}

function mergeValue(lower: unknown, upper: unknown): unknown {
  if (!isPlainObject(lower) || !isPlainObject(upper)) return structuredClone(upper);
  const merged: Record<string, unknown> = { ...lower };
  for (const [entry, value] of Object.entries(upper)) {
    // defineProperty, not assignment: an entry named "__proto__" must stay an entry.
    Object.defineProperty(merged, entry, {
      value: mergeValue(Object.hasOwn(merged, entry) ? merged[entry] : undefined, value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Snapshots are shared by every listener; freezing them keeps one listener from changing another's view. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
