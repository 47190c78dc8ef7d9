import type { editor } from 'monaco-editor';
import type { GitBlame } from '../../../../src-shared/contract';
import { host } from '../../../platform/host';
import { activeCodeEditor, loadMonaco, type Monaco } from '../../editor';
import { notify } from '../../notifications';
import { reportGitError } from '../git-errors';
import { timeAgo } from '../time-ago';
import './scm-editor.css';

/** The files whose blame is shown, with their decorations. */
const shown = new Map<string, { model: editor.ITextModel; ids: string[] }>();

function decorations(monaco: Monaco, model: editor.ITextModel, blame: GitBlame): editor.IModelDeltaDecoration[] {
  return blame.ranges.flatMap((range) => {
    const line = range.startLine;
    if (line > model.getLineCount()) return [];
    const commit = range.oid ? blame.commits[range.oid] : undefined;
    const text = commit ? `${commit.author.name}, ${timeAgo(commit.author.time)} • ${commit.subject}` : 'You • Uncommitted changes';
    const hover = commit
      ? `**${commit.author.name}** <${commit.author.email}>, ${new Date(commit.author.time).toLocaleString()}\n\n${commit.subject}\n\n\`${range.oid?.slice(0, 8) ?? ''}\``
      : 'Not committed yet';
    const end = Math.min(model.getLineCount(), line + range.lineCount - 1);
    const column = model.getLineMaxColumn(line);
    return [
      {
        range: new monaco.Range(line, column, line, column),
        // An empty range at the line's end: Monaco drops injected text on empty ranges unless told to show it.
        options: { after: { content: `\u2003${text}`, inlineClassName: 'scm-blame-annotation' }, showIfCollapsed: true, hoverMessage: { value: hover } },
      },
      { range: new monaco.Range(line, 1, end, 1), options: { isWholeLine: true, hoverMessage: { value: hover } } },
    ];
  });
}

/** Shows who last changed each run of lines of the active file, after its first line; running it again hides it. */
export async function toggleBlame(): Promise<void> {
  const active = activeCodeEditor();
  if (!active) {
    notify({ severity: 'info', message: 'Open a file to see who changed its lines.' });
    return;
  }
  const { path, model } = active;
  const existing = shown.get(path);
  if (existing) {
    if (!existing.model.isDisposed()) existing.model.deltaDecorations(existing.ids, []);
    shown.delete(path);
    return;
  }
  let blame: GitBlame;
  try {
    blame = await host().git.blame({ path });
  } catch (error) {
    reportGitError('Blame', error);
    return;
  }
  const monaco = await loadMonaco();
  if (model.isDisposed() || shown.has(path)) return;
  shown.set(path, { model, ids: model.deltaDecorations([], decorations(monaco, model, blame)) });
  model.onWillDispose(() => {
    if (shown.get(path)?.model === model) shown.delete(path);
  });
}
