import { ProblemsActions, ProblemsView, useProblemCounts } from '../../features/language';
import { OutputActions, OutputView, Panel, useOutputCount } from '../../features/panel';
import { RunActions, RunView } from '../../features/pipelines';
import { TerminalActions, TerminalView } from '../../features/terminal';
import { runCommand } from '../commands';
import { Sash } from '../../platform/ui/Sash';
import { panelHeightLimits, useLayoutStore } from './layout-store';
import { useResizable } from './use-resizable';

/** The bottom panel (Problems, Output and Terminal) with its resize handle on the top edge. */
export function PanelArea() {
  const height = useLayoutStore((state) => state.panelHeight);
  const outputCount = useOutputCount();
  const problems = useProblemCounts();
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
          { id: 'problems', title: 'Problems', badge: problems.errors + problems.warnings + problems.infos, actions: <ProblemsActions />, content: <ProblemsView /> },
          { id: 'output', title: 'Output', badge: outputCount, actions: <OutputActions />, content: <OutputView /> },
          { id: 'terminal', title: 'Terminal', actions: <TerminalActions />, content: <TerminalView /> },
          { id: 'pipeline-run', title: 'Pipeline Run', actions: <RunActions />, content: <RunView /> },
        ]}
        onClose={() => void runCommand('workbench.action.togglePanel')}
      />
    </div>
  );
}
