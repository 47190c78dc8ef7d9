import * as lathe from 'lathe';
import { markdownFromAnswer, readmePrompt } from './ai-prompts';
import { folderOf, joinPath } from './cargo-paths';
import { endOfText } from './cargo-toml';
import { chooseManifest, fileExists, readText } from './manifests';
import { reason, withBusyStatus } from './ui';

/** The crate's library root, else its binary root, for the AI to read. */
async function entrySource(folder: string): Promise<{ path: string; text: string } | null> {
  for (const path of ['src/lib.rs', 'src/main.rs']) {
    const text = await readText(joinPath(folder, path)).catch(() => undefined);
    if (text !== undefined) return { path, text };
  }
  return null;
}

/** "Rust: Generate Crate README": the AI writes README.md from the manifest and the code; an existing one is replaced as an undoable edit. */
export async function generateReadme(): Promise<void> {
  const manifest = await chooseManifest('Generate Crate README');
  if (manifest === undefined) return;
  const folder = folderOf(manifest);
  const readme = joinPath(folder, 'README.md');
  const exists = await fileExists(readme);
  if (exists && (await lathe.window.showWarningMessage(`${readme} exists. Replace it with one the AI writes?`, 'Replace')) !== 'Replace') return;

  let markdown: string;
  try {
    const prompt = readmePrompt({ folder, cargoToml: await readText(manifest), source: await entrySource(folder) });
    const answer = await withBusyStatus(`Writing ${readme}…`, () => lathe.ai.chat([{ role: 'user', content: prompt }]));
    markdown = markdownFromAnswer(answer.text);
  } catch (error) {
    await lathe.window.showErrorMessage(`The AI could not write ${readme}: ${reason(error)}`);
    return;
  }
  if (exists) {
    const edit = new lathe.WorkspaceEdit();
    edit.replace(readme, { start: { line: 0, character: 0 }, end: endOfText(await readText(readme)) }, markdown);
    if (!(await lathe.workspace.applyEdit(edit))) {
      await lathe.window.showErrorMessage(`Could not replace ${readme}.`);
      return;
    }
  } else {
    await lathe.workspace.fs.writeFile(readme, markdown);
  }
  await lathe.window.showTextDocument(readme);
  await lathe.window.showInformationMessage(`Wrote ${readme}.`);
}
