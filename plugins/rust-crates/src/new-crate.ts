import * as lathe from 'lathe';
import { codeFromAnswer, entryFilePrompt } from './ai-prompts';
import { defaultMemberFolder, joinPath } from './cargo-paths';
import { planWorkspaceMember, workspaceMembers } from './cargo-toml';
import { crateFolderProblem, crateNameProblem } from './crate-input';
import { fileExists, readText } from './manifests';
import { crateFiles, crateKinds, entryFile, type CrateFile, type CrateKind } from './templates';
import { askFor, reason, withBusyStatus } from './ui';

const rootManifest = 'Cargo.toml';
const title = 'New Crate';

async function pickKind(placeHolder: string, extra: lathe.QuickPickItem[] = []): Promise<CrateKind | 'member' | undefined> {
  const items = [...crateKinds.map(({ kind, label, detail }) => ({ kind, label, detail })), ...extra.map((item) => ({ ...item, kind: 'member' as const }))];
  return (await lathe.window.showQuickPick(items, { title, placeHolder }))?.kind;
}

/** The root manifest's `members` when it declares a workspace; says why not otherwise. */
async function workspaceMembersOrExplain(): Promise<string[] | undefined> {
  const text = await readText(rootManifest).catch(() => undefined);
  const members = text === undefined ? null : workspaceMembers(text);
  if (members) return members;
  await lathe.window.showErrorMessage(
    text === undefined ? 'There is no Cargo.toml at the workspace root to add a member to.' : 'The root Cargo.toml has no [workspace] table to add a member to.',
  );
  return undefined;
}

/** The template's files, with the entry file written by the AI from `description` when there is one. */
async function filesFor(kind: CrateKind, name: string, description: string): Promise<CrateFile[]> {
  const files = crateFiles(kind, name);
  if (description === '') return files;
  const entryPath = entryFile(kind);
  const prompt = entryFilePrompt({
    name,
    kindLabel: crateKinds.find((item) => item.kind === kind)?.label ?? kind,
    entryPath,
    cargoToml: files.find((file) => file.path === 'Cargo.toml')?.content ?? '',
    template: files.find((file) => file.path === entryPath)?.content ?? '',
    description,
  });
  try {
    const answer = await withBusyStatus(`Writing ${entryPath}…`, () => lathe.ai.chat([{ role: 'user', content: prompt }]));
    return files.map((file) => (file.path === entryPath ? { ...file, content: codeFromAnswer(answer.text) } : file));
  } catch (error) {
    void lathe.window.showWarningMessage(`The AI could not write ${entryPath} (${reason(error)}); the crate starts from the template.`);
    return files;
  }
}

/** Adds the folder to the root manifest's `members` as an undoable edit; says what it did. */
async function addMember(folder: string): Promise<string> {
  const plan = planWorkspaceMember(await readText(rootManifest), folder);
  switch (plan.kind) {
    case 'insert': {
      const edit = new lathe.WorkspaceEdit();
      for (const { line, character, text } of plan.insertions) edit.insert(rootManifest, { line, character }, text);
      return (await lathe.workspace.applyEdit(edit)) ? ' and added it to the workspace members' : ', but could not add it to the workspace members';
    }
    case 'covered':
      return ` (the workspace's members "${plan.pattern}" include it)`;
    case 'exists':
      return ' (it was already a workspace member)';
    case 'no-workspace':
    case 'unreadable':
      return `; add "${folder}" to [workspace] members of Cargo.toml yourself`;
  }
}

/** "Rust: New Crate…": kind, name, folder and an optional description for the AI, then the files. */
export async function newCrate(): Promise<void> {
  const choice = await pickKind('What kind of crate?', [{ label: 'Cargo workspace member', detail: 'One of the above, added to [workspace] members of the root Cargo.toml' }]);
  if (choice === undefined) return;
  const members = choice === 'member' ? await workspaceMembersOrExplain() : null;
  if (members === undefined) return;
  const kind = choice === 'member' ? await pickKind('What kind of member?') : choice;
  if (kind === undefined || kind === 'member') return;

  const name = await askFor({ title, prompt: "The crate's name.", placeHolder: 'my-crate' }, crateNameProblem);
  if (name === undefined) return;
  const folder = await askFor(
    { title, prompt: 'The folder for the crate, relative to the workspace.', value: members ? defaultMemberFolder(members, name) : name },
    crateFolderProblem,
  );
  if (folder === undefined) return;
  if (await fileExists(joinPath(folder, 'Cargo.toml'))) {
    await lathe.window.showErrorMessage(`${folder} already holds a crate.`);
    return;
  }
  const description = await lathe.window.showInputBox({
    title,
    prompt: `Describe what it should do and the AI writes ${entryFile(kind)}; leave it empty to start from the template.`,
    placeHolder: 'e.g. count the lines of the files given as arguments',
  });
  if (description === undefined) return;

  const files = await filesFor(kind, name, description.trim());
  await lathe.workspace.fs.createDirectory(joinPath(folder, 'src'));
  for (const file of files) await lathe.workspace.fs.writeFile(joinPath(folder, file.path), file.content);
  const membership = members ? await addMember(folder) : '';
  await lathe.window.showTextDocument(joinPath(folder, entryFile(kind)));
  await lathe.window.showInformationMessage(`Created the crate ${name} in ${folder}${membership}.`);
}
