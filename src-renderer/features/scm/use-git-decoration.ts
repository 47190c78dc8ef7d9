import type { GitDecoration } from './decorations';
import { useScmStore } from './store';
import './decorations.css';

/** Subscribes a component to a path's git decoration (undefined when the path is unchanged). */
export function useGitDecoration(path: string): GitDecoration | undefined {
  return useScmStore((state) => state.decorations.get(path));
}
