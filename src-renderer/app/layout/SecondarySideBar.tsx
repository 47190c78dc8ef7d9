import { ChatView } from '../../features/ai-chat';
import { Sash } from '../../platform/ui/Sash';
import { secondarySideBarWidthLimits, useLayoutStore } from './layout-store';
import { useResizable } from './use-resizable';

/** The side bar right of the editor (the chat), with its resize handle on the left edge. */
export function SecondarySideBar() {
  const width = useLayoutStore((state) => state.secondarySideBarWidth);
  const resize = useResizable({
    size: width,
    min: secondarySideBarWidthLimits.min,
    max: () => Math.round(window.innerWidth * 0.6),
    defaultSize: secondarySideBarWidthLimits.default,
    direction: -1,
    apply: (next) => useLayoutStore.getState().setSecondarySideBarWidth(next),
  });
  return (
    <aside className="secondary-side-bar" style={{ width }} aria-label="Secondary Side Bar" data-testid="secondary-side-bar">
      <Sash orientation="vertical" label="Resize Secondary Side Bar" {...resize} />
      <ChatView />
    </aside>
  );
}
