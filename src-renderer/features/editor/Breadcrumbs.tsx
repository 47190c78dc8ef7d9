import { Codicon } from '../../platform/ui/Codicon';

/** The path of the active file under the tabs, segment by segment. */
export function Breadcrumbs({ path }: { path: string }) {
  const segments = path.split('/');
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumbs">
      {segments.map((segment, index) => (
        <span key={index} className="breadcrumb">
          {index > 0 ? <Codicon name="chevron-right" className="breadcrumb-separator" /> : null}
          {segment}
        </span>
      ))}
    </nav>
  );
}
