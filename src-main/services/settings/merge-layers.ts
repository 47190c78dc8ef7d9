/**
 * Effective values of the settings `defaults` names: the default, then each layer in order
 * (a setting with neither is left out). Object values (such as `files.exclude`) are merged entry
 * by entry rather than replaced, as VS Code does, so a user file that adds one pattern keeps the
 * default ones and can switch one off with `false`.
 */
export function mergeLayers(defaults: Readonly<Record<string, unknown>>, layers: readonly Readonly<Record<string, unknown>>[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, fallback] of Object.entries(defaults)) {
    let value: unknown = structuredClone(fallback);
    for (const layer of layers) {
      if (Object.hasOwn(layer, key)) value = mergeValue(value, layer[key]);
    }
    if (value !== undefined) values[key] = value;
  }
  return values;
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
