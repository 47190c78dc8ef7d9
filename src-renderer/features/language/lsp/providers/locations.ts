import type { languages } from 'monaco-editor';
import type { Location } from '../../../../../src-shared/contract';
import { getModel, loadFile, type Monaco } from '../../../editor';
import { fileUri, toMonacoRange } from '../../monaco-convert';

/** Peek views show other files from their models: at most this many files are loaded for one answer. */
const preloadLimit = 50;

/** Locations as Monaco wants them, with the files they point into loaded (peek and go-to read their models). */
export async function toMonacoLocations(monaco: Monaco, locations: readonly Location[]): Promise<languages.Location[]> {
  const paths = [...new Set(locations.map((location) => location.path))].slice(0, preloadLimit);
  await Promise.all(paths.map((path) => loadFile(path)));
  return locations.map((location) => ({ uri: getModel(location.path)?.uri ?? fileUri(monaco, location.path), range: toMonacoRange(location.range) }));
}
