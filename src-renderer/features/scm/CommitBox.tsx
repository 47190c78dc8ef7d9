import { useCallback, useEffect, useRef, useState } from 'react';
import type { GitHead } from '../../../src-shared/contract';
import { formatKeybinding } from '../../app/commands';
import { useSetting } from '../../app/store';
import { host } from '../../platform/host';
import { Codicon } from '../../platform/ui/Codicon';
import { ContextMenu, type ContextMenuItem } from '../../platform/ui/ContextMenu';
import { toggleCommitMessageGeneration, useCommitMessageGeneration } from './generate-commit-message';
import { commitFromMessageBox } from './operations';
import { useScmStore } from './store';
import { push, syncBranch } from './sync';

function Toggle({ checked, label, title, testId, onChange }: { checked: boolean; label: string; title: string; testId: string; onChange(checked: boolean): void }) {
  return (
    <button type="button" role="checkbox" aria-checked={checked} className="scm-toggle" title={title} data-testid={testId} onClick={() => onChange(!checked)}>
      <span className="scm-toggle-box">{checked ? <Codicon name="check" /> : null}</span>
      {label}
    </button>
  );
}

/** Turning amend on with an empty box brings back the last commit's message, to edit it. */
async function setAmend(amend: boolean): Promise<void> {
  useScmStore.getState().setAmend(amend);
  if (!amend || useScmStore.getState().message !== '') return;
  const last = await host()
    .git.showCommit({ revision: 'HEAD' })
    .catch(() => null);
  if (last && useScmStore.getState().amend && useScmStore.getState().message === '') useScmStore.getState().setMessage(last.commit.message.trimEnd());
}

async function commitThen(next: () => Promise<unknown>): Promise<void> {
  if (await commitFromMessageBox()) await next();
}

/** The message box, its amend and sign-off toggles, and the Commit button with its other ways to commit. */
export function CommitBox({ head }: { head: GitHead }) {
  const message = useScmStore((state) => state.message);
  const amend = useScmStore((state) => state.amend);
  const signoffChoice = useScmStore((state) => state.signoff);
  const busy = useScmStore((state) => state.busy);
  const focusRequest = useScmStore((state) => state.focusRequest);
  const generating = useCommitMessageGeneration((state) => state.generating);
  const alwaysSignOff = useSetting('git.alwaysSignOff');
  const signoff = signoffChoice ?? alwaysSignOff;
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const input = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (focusRequest > 0) input.current?.focus();
  }, [focusRequest]);

  const where = head.branch ?? (head.oid ? head.oid.slice(0, 7) : 'HEAD');
  const placeholder = `Message (${formatKeybinding('mod+enter')} to commit on "${where}")`;
  const menuItems: ContextMenuItem[][] = [
    [
      { label: 'Commit', run: () => void commitFromMessageBox() },
      { label: 'Commit (Amend)', run: () => void setAmend(true).then(commitFromMessageBox) },
    ],
    [
      { label: 'Commit & Push', run: () => commitThen(push) },
      { label: 'Commit & Sync', run: () => commitThen(syncBranch) },
    ],
  ];

  return (
    <div className="scm-commit">
      <textarea
        ref={input}
        className="scm-commit-message"
        data-testid="scm-commit-message"
        aria-label="Commit message"
        placeholder={placeholder}
        spellCheck={false}
        rows={1}
        readOnly={generating}
        value={message}
        onChange={(event) => useScmStore.getState().setMessage(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void commitFromMessageBox();
          }
        }}
      />
      <div className="scm-commit-options">
        <Toggle checked={amend} label="Amend" title="Amend the last commit" testId="scm-amend" onChange={(next) => void setAmend(next)} />
        <Toggle
          checked={signoff}
          label="Sign-off"
          title="Add a Signed-off-by line to the message"
          testId="scm-signoff"
          onChange={(next) => useScmStore.getState().setSignoff(next)}
        />
        <button
          type="button"
          className="icon-button scm-generate-message"
          title={generating ? 'Stop Generating the Commit Message' : 'Generate Commit Message with AI'}
          aria-label={generating ? 'Stop Generating the Commit Message' : 'Generate Commit Message with AI'}
          data-testid="scm-generate-message"
          data-generating={generating}
          onClick={toggleCommitMessageGeneration}
        >
          <Codicon name={generating ? 'loading' : 'sparkle'} className={generating ? 'codicon-modifier-spin' : undefined} />
        </button>
      </div>
      <div className="scm-commit-button">
        <button type="button" className="button scm-commit-main" data-testid="scm-commit" disabled={busy} onClick={() => void commitFromMessageBox()}>
          <Codicon name={busy ? 'loading' : 'check'} className={busy ? 'codicon-modifier-spin' : undefined} />
          {amend ? 'Commit (Amend)' : 'Commit'}
        </button>
        <button
          type="button"
          className="button scm-commit-more"
          title="More Commit Actions…"
          aria-label="More Commit Actions…"
          disabled={busy}
          onClick={(event) => {
            const bounds = event.currentTarget.getBoundingClientRect();
            setMenu({ x: bounds.left, y: bounds.bottom });
          }}
        >
          <Codicon name="chevron-down" />
        </button>
      </div>
      {menu ? <ContextMenu x={menu.x} y={menu.y} groups={menuItems} onClose={closeMenu} testId="scm-commit-menu" /> : null}
    </div>
  );
}
