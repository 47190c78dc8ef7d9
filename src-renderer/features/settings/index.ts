export { updateUserSetting } from './update-setting';
export { registerSettingsCommands } from './commands';
