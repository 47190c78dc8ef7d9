import type { editor } from 'monaco-editor';
import type { Disposable } from '../../../../src-shared/contract';
import { getModel, onModelLifecycle, type Monaco } from '../../editor';
import { toMarker } from '../monaco-convert';
import { useProblemsStore, type ProblemsByPath } from './problems-store';

/** Every source that has put markers on models, so an emptied source's markers are taken off too. */
const knownOwners = new Set<string>();

/** Puts a file's problems from every source on its model, one marker owner per source. */
function applyAll(monaco: Monaco, path: string, model: editor.ITextModel): void {
  const { bySource } = useProblemsStore.getState();
  for (const source of new Set([...knownOwners, ...Object.keys(bySource)])) {
    knownOwners.add(source);
    monaco.editor.setModelMarkers(model, source, (bySource[source]?.[path] ?? []).map((diagnostic) => toMarker(monaco, diagnostic)));
  }
}

/** Squiggles in the editor: the problems registry, mirrored onto the models of open files. */
export function followProblemsWithMarkers(monaco: Monaco): Disposable {
  const lifecycle = onModelLifecycle({
    opened: (path, model) => applyAll(monaco, path, model),
    moved: (_from, to, model) => applyAll(monaco, to, model),
  });
  const unsubscribe = useProblemsStore.subscribe((state, previous) => {
    const sources = new Set([...Object.keys(state.bySource), ...Object.keys(previous.bySource)]);
    for (const source of sources) {
      const now: ProblemsByPath = state.bySource[source] ?? {};
      const before: ProblemsByPath = previous.bySource[source] ?? {};
      if (now === before) continue;
      knownOwners.add(source);
      for (const path of new Set([...Object.keys(now), ...Object.keys(before)])) {
        if (now[path] === before[path]) continue;
        const model = getModel(path);
        if (model) monaco.editor.setModelMarkers(model, source, (now[path] ?? []).map((diagnostic) => toMarker(monaco, diagnostic)));
      }
    }
  });
  return {
    dispose() {
      lifecycle.dispose();
      unsubscribe();
    },
  };
}
