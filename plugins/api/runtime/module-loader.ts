/**
 * A plugin's main script is a CommonJS-style module: the workbench wraps its text in a function
 * of `exports`, `module` and `require`, and `require` knows one module, 'lathe'.
 */
export type PluginFactory = (this: unknown, exports: object, module: { exports: object }, require: (name: string) => unknown) => void;

export interface PluginExports {
  activate?: (context: unknown) => unknown;
  deactivate?: () => unknown;
}

export function evaluatePluginModule(factory: PluginFactory, api: object): PluginExports {
  const module = { exports: {} as object };
  const require = (name: string): unknown => {
    if (name === 'lathe') return api;
    throw new Error(`Cannot find module '${name}': a Lathe plugin can require only 'lathe'`);
  };
  factory.call(module.exports, module.exports, module, require);
  return module.exports as PluginExports;
}
