import type { Disposable } from '../../../src-shared/contract';
import { registerCommand } from '../../app/commands';
import { showSideBarView } from '../../app/layout/show-side-bar-view';
import { cancelSearch } from './run-search';
import { useSearchStore } from './store';

export function registerSearchCommands(): Disposable[] {
  return [
    registerCommand({
      id: 'workbench.action.findInFiles',
      category: 'Search',
      title: 'Find in Files',
      keybinding: 'mod+shift+f',
      run: async () => {
        await showSideBarView('search');
        useSearchStore.getState().requestFocus();
      },
    }),
    registerCommand({
      id: 'search.action.clearSearchResults',
      category: 'Search',
      title: 'Clear Search Results',
      run: () => {
        cancelSearch();
        useSearchStore.getState().setOptions({ query: '' });
        useSearchStore.getState().clear();
      },
    }),
  ];
}
