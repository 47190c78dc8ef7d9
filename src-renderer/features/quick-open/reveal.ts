import { loadMonaco } from '../editor';

const waitLimitMs = 3000;

/** Once the editor shows `path`, puts the cursor on `line` (and `column`) and scrolls it into view. */
export async function revealInEditor(path: string, line: number, column = 1): Promise<void> {
  const monaco = await loadMonaco();
  const deadline = performance.now() + waitLimitMs;
  for (;;) {
    const editor = monaco.editor.getEditors().find((candidate) => candidate.getModel()?.uri.path === `/${path}`);
    if (editor) {
      const position = editor.getModel()?.validatePosition({ lineNumber: line, column }) ?? { lineNumber: line, column };
      editor.setPosition(position);
      editor.revealPositionInCenterIfOutsideViewport(position);
      editor.focus();
      return;
    }
    if (performance.now() > deadline) return;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}
