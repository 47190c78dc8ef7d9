import * as lathe from 'lathe';
import { declaresPackage, planDependency } from './cargo-toml';
import { crateNameProblem, versionRequirementProblem } from './crate-input';
import { chooseManifest, readText } from './manifests';
import { askFor } from './ui';

const title = 'Add Dependency';

/** "Rust: Add Dependency…": a crate and a version requirement, inserted into `[dependencies]` as one undoable edit. */
export async function addDependency(): Promise<void> {
  const manifest = await chooseManifest(title);
  if (manifest === undefined) return;
  const name = await askFor({ title, prompt: `The crate to add to ${manifest}.`, placeHolder: 'serde' }, crateNameProblem);
  if (name === undefined) return;
  const requirement = await askFor({ title, prompt: `The version requirement of ${name}.`, placeHolder: '1.0, ^0.4.2, ~1.2, *' }, versionRequirementProblem);
  if (requirement === undefined) return;

  const text = await readText(manifest);
  if (!declaresPackage(text)) {
    await lathe.window.showErrorMessage(`${manifest} declares no [package] (a virtual workspace manifest): add the dependency to one of its members.`);
    return;
  }
  const plan = planDependency(text, name, requirement);
  if (plan.kind === 'exists') {
    await lathe.window.showInformationMessage(`${name} is already a dependency in ${manifest} (line ${plan.line + 1}).`);
    return;
  }
  const edit = new lathe.WorkspaceEdit();
  edit.insert(manifest, { line: plan.insertion.line, character: plan.insertion.character }, plan.insertion.text);
  if (await lathe.workspace.applyEdit(edit)) await lathe.window.showInformationMessage(`Added ${name} = "${requirement}" to ${manifest}.`);
  else await lathe.window.showErrorMessage(`Could not edit ${manifest}.`);
}
