export { updateUserSetting } from './update-setting';
export { registerSettingsCommands } from './commands';
export { SettingsView } from './SettingsView';
