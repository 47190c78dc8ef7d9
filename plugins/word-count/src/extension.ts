import * as lathe from 'lathe';
import { countWords, readingMinutes, wordsPerMinuteSetting } from './markdown-words';
import { selectedRanges } from './selections';
import { detailsMessage, statusText, type WordCount } from './word-count-text';

const readingSpeed = (): number => wordsPerMinuteSetting(lathe.workspace.getConfiguration('word-count').get('wordsPerMinute'));

/** The active editor when it shows Markdown. */
function markdownEditor(): lathe.TextEditor | undefined {
  const editor = lathe.editor.activeTextEditor;
  return editor?.document.languageId === 'markdown' ? editor : undefined;
}

function count(editor: lathe.TextEditor): WordCount {
  const words = countWords(editor.document.getText());
  const ranges = selectedRanges(editor.selections);
  const selectedWords = ranges.length === 0 ? null : ranges.reduce((sum, range) => sum + countWords(editor.document.getText(range)), 0);
  return { words, selectedWords, minutes: readingMinutes(words, readingSpeed()) };
}

export function activate(context: lathe.ExtensionContext): void {
  const status = lathe.window.createStatusBarItem('word-count.status', 'right', 100);
  status.command = 'word-count.showDetails';
  status.tooltip = 'Words and reading time of this Markdown file (click for details)';

  const update = (): void => {
    const editor = markdownEditor();
    if (!editor) return status.hide();
    status.text = statusText(count(editor));
    status.show();
  };

  context.subscriptions.push(
    status,
    lathe.commands.registerCommand('word-count.showDetails', async () => {
      const editor = markdownEditor();
      if (!editor) {
        await lathe.window.showInformationMessage('Open a Markdown file to count its words.');
        return;
      }
      await lathe.window.showInformationMessage(detailsMessage(editor.document.path, count(editor), readingSpeed()));
    }),
    lathe.editor.onDidChangeActiveTextEditor(update),
    lathe.editor.onDidChangeTextEditorSelection(update),
    lathe.workspace.onDidChangeTextDocument((change) => {
      if (change.document.path === lathe.editor.activeTextEditor?.document.path) update();
    }),
    lathe.workspace.onDidChangeConfiguration((change) => {
      if (change.affectsConfiguration('word-count.wordsPerMinute')) update();
    }),
  );
  update();
}
