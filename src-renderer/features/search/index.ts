export { SearchView } from './SearchView';
export { registerSearchCommands } from './commands';
export { buildSearchRegExp, replaceInText } from './replace';
export { useSearchStore } from './store';
