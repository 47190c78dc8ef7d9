import * as lathe from 'lathe';
import { addDependency } from './add-dependency';
import { generateReadme } from './generate-readme';
import { newCrate } from './new-crate';

export function activate(context: lathe.ExtensionContext): void {
  context.subscriptions.push(
    lathe.commands.registerCommand('rust-crates.newCrate', newCrate),
    lathe.commands.registerCommand('rust-crates.addDependency', addDependency),
    lathe.commands.registerCommand('rust-crates.generateReadme', generateReadme),
  );
}
