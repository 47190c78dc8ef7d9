/**
 * Freezes the API object and everything reachable from it (namespaces, functions, classes and
 * their prototypes), so plugin code cannot replace a member others of its own code rely on.
 * Getters stay live: freezing fixes which properties exist, not what a getter returns.
 */
export function deepFreeze<T extends object>(root: T): T {
  const seen = new Set<object>();
  const visit = (value: unknown): void => {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return;
    seen.add(value);
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor && 'value' in descriptor) visit(descriptor.value);
    }
    Object.freeze(value);
  };
  visit(root);
  return root;
}
