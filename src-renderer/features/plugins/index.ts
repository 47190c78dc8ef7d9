export { startPlugins } from './start-plugins';
export { registerPluginCommands } from './commands';
export { PluginsView } from './views/PluginsView';
export { PluginContainerView } from './views/PluginContainerView';
export { PluginActivityItems } from './views/PluginActivityItems';
export { PluginStatusBarItems } from './views/PluginStatusBarItems';
export { WebviewPanels } from './webviews/WebviewPanels';
export { PluginViewSlot } from './views/PluginViewSlot';
export { pluginAiTools, runPluginAiTool, type PluginAiTool } from './plugin-ai-tools';
