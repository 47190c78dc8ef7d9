import { Codicon } from '../../platform/ui/Codicon';
import { openFile } from '../editor';
import { compactCount } from './format';
import { useChatStore } from './store';
import { usePopover } from './use-popover';

/** Which rules files (AGENTS.md, .lathe/rules/*.md, .cursorrules) went with the last request; each opens on a click. */
export function RulesIndicator() {
  const rules = useChatStore((state) => state.rules);
  const { open, setOpen, container } = usePopover<HTMLDivElement>();
  if (!rules) return null;
  const count = rules.length;
  return (
    <div ref={container} className="chat-popover-anchor">
      <button
        type="button"
        className={`chat-toolbar-button${count === 0 ? ' muted' : ''}`}
        title={count === 0 ? 'No rules files were included' : `Rules included: ${rules.map((rule) => rule.path).join(', ')}`}
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid="chat-rules"
        data-count={count}
        onClick={() => setOpen(!open)}
      >
        <Codicon name="law" />
        <span className="chat-toolbar-label">{count === 1 ? '1 rule' : `${String(count)} rules`}</span>
      </button>
      {open ? (
        <div className="chat-menu" role="menu" aria-label="Rules files">
          <div className="chat-menu-heading">Rules sent with every question</div>
          {count === 0 ? <div className="chat-menu-note">None: add AGENTS.md, .lathe/rules/*.md or .cursorrules to the folder.</div> : null}
          {rules.map((rule) => (
            <button
              key={rule.path}
              type="button"
              role="menuitem"
              className="chat-menu-item"
              data-testid="chat-rule"
              onClick={() => {
                setOpen(false);
                void openFile(rule.path);
              }}
            >
              <Codicon name="law" />
              <span className="chat-menu-label">{rule.path}</span>
              <span className="chat-menu-detail">{compactCount(rule.tokens)} tokens</span>
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
