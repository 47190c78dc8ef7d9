import { ReviewStatusItem } from '../../features/ai-actions';
import { encodingLabels, pickEncoding, pickIndentation, pickLanguage, toggleEol, useEditorStore } from '../../features/editor';
import { Codicon } from '../../platform/ui/Codicon';
import { LanguageStatusItem, ProblemsStatusItem } from '../../features/language';
import { PluginStatusBarItems } from '../../features/plugins';
import { ScmStatusBarItems } from '../../features/scm';
import { useAppStore } from '../store';

const shellLabels = { electron: 'Desktop', browser: 'Browser' } as const;

/** The bottom strip: the folder, source control and problems on the left; cursor, language, shell and version on the right. */
export function StatusBar() {
  const info = useAppStore((state) => state.info);
  const cursor = useEditorStore((state) => state.cursor);
  const selectedChars = useEditorStore((state) => state.selectedChars);
  const activeTab = useEditorStore((state) => state.files.find((file) => file.path === state.activePath));

  return (
    <footer className="status-bar" aria-label="Status Bar">
      <div className="status-bar-left">
        <span className="status-bar-item" data-testid="statusbar-workspace" title={info?.workspace?.root ?? 'No folder open'}>
          <Codicon name="folder" />
          {info ? (info.workspace?.name ?? 'No Folder') : ''}
        </span>
        <ScmStatusBarItems />
        <ProblemsStatusItem />
        <ReviewStatusItem />
        <PluginStatusBarItems alignment="left" />
      </div>
      <div className="status-bar-right">
        <PluginStatusBarItems alignment="right" />
        {cursor ? (
          <span className="status-bar-item" data-testid="statusbar-cursor">
            Ln {cursor.line}, Col {cursor.column}
            {selectedChars > 0 ? ` (${String(selectedChars)} selected)` : ''}
          </span>
        ) : null}
        {activeTab?.indentation ? (
          <button type="button" className="status-bar-item" data-testid="statusbar-indentation" title="Select Indentation" onClick={pickIndentation}>
            {activeTab.indentation.insertSpaces ? 'Spaces' : 'Tab Size'}: {activeTab.indentation.tabSize}
          </button>
        ) : null}
        {activeTab?.encoding ? (
          <button type="button" className="status-bar-item" data-testid="statusbar-encoding" title="Select Encoding" onClick={pickEncoding}>
            {encodingLabels[activeTab.encoding]}
          </button>
        ) : null}
        {activeTab?.eol ? (
          <button type="button" className="status-bar-item" data-testid="statusbar-eol" title="Select End of Line Sequence" onClick={() => void toggleEol()}>
            {activeTab.eol}
          </button>
        ) : null}
        <LanguageStatusItem />
        {activeTab ? (
          <button type="button" className="status-bar-item" data-testid="statusbar-language" title="Select Language Mode" onClick={() => void pickLanguage()}>
            {activeTab.languageName}
          </button>
        ) : null}
        {info ? (
          <span className="status-bar-item" data-testid="statusbar-shell" title={`Running on ${info.platform}`}>
            <Codicon name={info.shell === 'electron' ? 'vm' : 'globe'} />
            {shellLabels[info.shell]}
          </span>
        ) : null}
        <span className="status-bar-item" data-testid="statusbar-version">
          {info ? `${info.name} ${info.version}` : ''}
        </span>
      </div>
    </footer>
  );
}
