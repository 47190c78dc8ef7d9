import { Codicon } from '../../platform/ui/Codicon';

/** The path of the active file under the tabs, segment by segment. */
export function Breadcrumbs({ path, largeFile = false }: { path: string; largeFile?: boolean }) {
  const segments = path.split('/');
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumbs">
      {segments.map((segment, index) => (
        <span key={index} className="breadcrumb">
          {index > 0 ? <Codicon name="chevron-right" className="breadcrumb-separator" /> : null}
          {segment}
        </span>
      ))}
      {largeFile ? (
        <span className="breadcrumbs-note" data-testid="large-file-note" title="Highlighting, folding, the minimap and word wrap are off for this file">
          <Codicon name="info" />
          Large file: some features are turned off
        </span>
      ) : null}
    </nav>
  );
}
