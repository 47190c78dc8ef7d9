import { OutputPanel } from '../../features/panel';
import { runCommand } from '../commands';
import { Sash } from '../../platform/ui/Sash';
import { panelHeightLimits, useLayoutStore } from './layout-store';
import { useResizable } from './use-resizable';

/** The bottom panel with its resize handle on the top edge. */
export function PanelArea() {
  const height = useLayoutStore((state) => state.panelHeight);
  const resize = useResizable({
    size: height,
    min: panelHeightLimits.min,
    max: () => Math.round(window.innerHeight * 0.7),
    defaultSize: panelHeightLimits.default,
    direction: -1,
    apply: (next) => useLayoutStore.getState().setPanelHeight(next),
  });
  return (
    <div className="panel-area" style={{ height }}>
      <Sash orientation="horizontal" label="Resize Panel" {...resize} />
      <OutputPanel onClose={() => void runCommand('workbench.action.togglePanel')} />
    </div>
  );
}
