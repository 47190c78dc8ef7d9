import { OutputView, Panel, useOutputCount } from '../../features/panel';
import { TerminalActions, TerminalView } from '../../features/terminal';
import { runCommand } from '../commands';
import { Sash } from '../../platform/ui/Sash';
import { panelHeightLimits, useLayoutStore } from './layout-store';
import { useResizable } from './use-resizable';

/** The bottom panel (Output and Terminal) with its resize handle on the top edge. */
export function PanelArea() {
  const height = useLayoutStore((state) => state.panelHeight);
  const outputCount = useOutputCount();
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
      <Panel
        views={[
          { id: 'output', title: 'Output', badge: outputCount, content: <OutputView /> },
          { id: 'terminal', title: 'Terminal', actions: <TerminalActions />, content: <TerminalView /> },
        ]}
        onClose={() => void runCommand('workbench.action.togglePanel')}
      />
    </div>
  );
}
