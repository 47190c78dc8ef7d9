import { memo, useEffect, useMemo, useRef } from 'react';
import { runCommand } from '../../../app/commands';
import { Codicon } from '../../../platform/ui/Codicon';
import { fileIcon } from '../../../platform/ui/file-icon';
import { openFileAt } from '../../editor';
import { countProblems, groupByFile, type FileProblems } from './problem-list';
import { useProblemActions } from './problem-actions';
import { passesFilter, toggleCollapsed, useProblemsFilter } from './problems-filter';
import { useProblemsStore, type Problem } from './problems-store';
import './problems.css';

const severityIcons = { error: 'error', warning: 'warning', info: 'info', hint: 'lightbulb' } as const;

/** Files outside the workspace (the user's settings file) open through their own command. */
const isOutsideWorkspace = (path: string): boolean => path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path);

function reveal(problem: Problem): void {
  if (isOutsideWorkspace(problem.path)) {
    void runCommand('workbench.action.openSettings');
    return;
  }
  const { start } = problem.diagnostic.range;
  void openFileAt(problem.path, start.line, start.column, { preview: true });
}

function ProblemRow({ problem }: { problem: Problem }) {
  const { diagnostic } = problem;
  const actions = useProblemActions((state) => state.actions);
  const [firstLine] = diagnostic.message.split('\n');
  const origin = [diagnostic.source ?? problem.source, diagnostic.code ? `(${diagnostic.code})` : ''].filter(Boolean).join(' ');
  return (
    <div
      role="treeitem"
      tabIndex={-1}
      className={`problem-row severity-${diagnostic.severity}`}
      data-testid="problem-row"
      data-severity={diagnostic.severity}
      title={diagnostic.message}
      onClick={() => reveal(problem)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') reveal(problem);
      }}
    >
      <Codicon name={severityIcons[diagnostic.severity]} className="problem-row-icon" />
      <span className="problem-row-message">{firstLine}</span>
      <span className="problem-row-origin">{origin}</span>
      <span className="problem-row-position">
        [Ln {diagnostic.range.start.line}, Col {diagnostic.range.start.column}]
      </span>
      <span className="problem-row-actions">
        {actions
          .filter((action) => action.appliesTo?.(problem) ?? true)
          .map((action) => (
            <button
              key={action.id}
              type="button"
              className="icon-button"
              title={action.title}
              aria-label={action.title}
              data-testid={`problem-action-${action.id}`}
              onClick={(event) => {
                event.stopPropagation();
                void action.run(problem);
              }}
              onKeyDown={(event) => event.stopPropagation()}
            >
              <Codicon name={action.icon} />
            </button>
          ))}
      </span>
    </div>
  );
}

const FileGroup = memo(function FileGroup({ file, collapsed }: { file: FileProblems; collapsed: boolean }) {
  const slash = file.path.lastIndexOf('/');
  const name = file.path.slice(slash + 1);
  const folder = slash < 0 ? '' : file.path.slice(0, slash);
  return (
    <div role="group" className="problem-file-group">
      <div
        role="treeitem"
        tabIndex={-1}
        aria-expanded={!collapsed}
        className="problem-file"
        data-testid="problem-file"
        data-path={file.path}
        title={file.path}
        onClick={() => toggleCollapsed(file.path)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ' ') toggleCollapsed(file.path);
        }}
      >
        <Codicon name={collapsed ? 'chevron-right' : 'chevron-down'} />
        <Codicon name={fileIcon(name)} className="problem-file-icon" />
        <span className="problem-file-name">{name}</span>
        <span className="problem-file-folder">{folder}</span>
        <span className="badge">{file.problems.length}</span>
      </div>
      {collapsed ? null : file.problems.map((problem, index) => <ProblemRow key={`${problem.source}:${String(index)}`} problem={problem} />)}
    </div>
  );
});

/** The Problems panel view: every source's diagnostics, grouped by file, filtered by severity and text. */
export function ProblemsView() {
  const bySource = useProblemsStore((state) => state.bySource);
  const filter = useProblemsFilter();
  const files = useMemo(() => groupByFile(bySource, (problem) => passesFilter(filter, problem)), [bySource, filter]);
  const total = useMemo(() => countProblems(bySource), [bySource]);
  const hasAny = total.errors + total.warnings + total.infos > 0;
  return (
    <div className="panel-body problems-view" role="tree" aria-label="Problems" data-testid="problems-view">
      {files.length === 0 ? (
        <div className="panel-empty">{hasAny ? 'No results found with the provided filter criteria.' : 'No problems have been detected in the workspace.'}</div>
      ) : (
        files.map((file) => <FileGroup key={file.path} file={file} collapsed={filter.collapsed[file.path] === true} />)
      )}
    </div>
  );
}

const severityToggles = [
  { key: 'showErrors', icon: 'error', title: 'Show Errors' },
  { key: 'showWarnings', icon: 'warning', title: 'Show Warnings' },
  { key: 'showInfos', icon: 'info', title: 'Show Infos' },
] as const;

/** The view's header: the filter box, severity toggles, and collapse all. */
export function ProblemsActions() {
  const filter = useProblemsFilter();
  const input = useRef<HTMLInputElement>(null);
  const bySource = useProblemsStore((state) => state.bySource);
  const paths = useMemo(() => Object.values(bySource).flatMap((files) => Object.keys(files)), [bySource]);
  useEffect(() => {
    if (filter.focusRequest > 0) input.current?.focus();
  }, [filter.focusRequest]);
  return (
    <div className="problems-actions">
      <div className="problems-filter">
        <input
          ref={input}
          className="problems-filter-input"
          data-testid="problems-filter"
          aria-label="Filter Problems"
          placeholder="Filter (e.g. text, !exclude)"
          spellCheck={false}
          value={filter.text}
          onChange={(event) => useProblemsFilter.setState({ text: event.target.value })}
          onKeyDown={(event) => {
            if (event.key === 'Escape') useProblemsFilter.setState({ text: '' });
          }}
        />
        {severityToggles.map((toggle) => (
          <button
            key={toggle.key}
            type="button"
            className={`problems-toggle${filter[toggle.key] ? ' active' : ''}`}
            title={toggle.title}
            aria-label={toggle.title}
            aria-pressed={filter[toggle.key]}
            data-testid={`problems-${toggle.key}`}
            onClick={() => useProblemsFilter.setState({ [toggle.key]: !filter[toggle.key] })}
          >
            <Codicon name={toggle.icon} />
          </button>
        ))}
      </div>
      <button
        type="button"
        className="icon-button"
        title="Collapse All"
        aria-label="Collapse All"
        onClick={() => useProblemsFilter.setState({ collapsed: Object.fromEntries(paths.map((path) => [path, true] as const)) })}
      >
        <Codicon name="collapse-all" />
      </button>
    </div>
  );
}
