import * as lathe from 'lathe';

/** Runs once, on the first activation event: here, the first time "My Plugin: Say Hello" runs. */
export function activate(context: lathe.ExtensionContext): void {
  // console.* goes to the plugin's Output channel (Plugins view → Show Log).
  console.log(`${context.pluginId} is active`);

  // The manifest's status bar item (contributes.statusBar) shows from startup; this takes it over.
  const status = lathe.window.createStatusBarItem('my-plugin.greetings', 'right', 10);
  status.command = 'my-plugin.sayHello';
  status.tooltip = 'Say hello';
  let greetings = 0;
  const showCount = (): void => {
    status.text = `$(smiley) ${greetings}`;
    status.show();
  };

  // Everything pushed here is disposed of when the plugin is disabled, reloaded or uninstalled.
  context.subscriptions.push(
    status,
    lathe.commands.registerCommand('my-plugin.sayHello', async () => {
      const greeting = lathe.workspace.getConfiguration('my-plugin').get('greeting', 'Hello');
      greetings++;
      showCount();
      await lathe.window.showInformationMessage(`${greeting} from ${lathe.workspace.name ?? 'Lathe'}!`);
    }),
  );
  showCount();
}
