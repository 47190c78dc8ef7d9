import runtimeSource from 'virtual:lathe-plugin-runtime';

/**
 * A plugin worker's whole script: the runtime, then the plugin's main script as a CommonJS-style
 * module (see plugins/api/runtime/module-loader.ts). A blob made of it inherits the frame's CSP.
 */
export function pluginWorkerScript(code: string): string {
  return `${runtimeSource}\nlatheDefinePlugin(function (exports, module, require) {\n${code}\n});\n`;
}
