import { useEffect, useRef } from 'react';
import { pluginHostOrigin, pluginWebviewFramePath } from '../../../../src-shared/plugin-host-frame';
import { Codicon } from '../../../platform/ui/Codicon';
import { closeWebview, registerWebviewFrame, useWebviewStore, type WebviewPanel } from './webview-store';
import './webviews.css';

/** The workbench theme's colors and font as a webview page's defaults. */
function themeCss(): string {
  const styles = getComputedStyle(document.documentElement);
  const value = (name: string): string => styles.getPropertyValue(name).trim();
  const scheme = document.documentElement.dataset.theme === 'light' ? 'light' : 'dark';
  return `:root { color-scheme: ${scheme}; } body { margin: 8px 12px; background: ${value('--editor-background')}; color: ${value('--foreground')}; font-family: ${value('--font-family')}; font-size: 13px; }`;
}

/**
 * One panel's frame: a sandboxed page of the plugin host origin. Its first message says it is
 * ready for the HTML; every later one is the page's own, handed to the plugin.
 */
function WebviewFrame({ panel }: { panel: WebviewPanel }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const { id, html, onMessage } = panel;
  useEffect(() => {
    let ready = false;
    const onWindowMessage = (event: MessageEvent): void => {
      const target = frame.current?.contentWindow;
      if (!target || event.source !== target) return;
      if (ready) {
        onMessage(event.data);
        return;
      }
      ready = true;
      target.postMessage({ kind: 'html', html, themeCss: themeCss() }, '*');
      registerWebviewFrame(id, target);
    };
    window.addEventListener('message', onWindowMessage);
    return () => {
      window.removeEventListener('message', onWindowMessage);
      registerWebviewFrame(id, null);
    };
  }, [id, html, onMessage]);
  return (
    <iframe
      key={html}
      ref={frame}
      className="webview-frame"
      title={panel.title}
      sandbox="allow-scripts"
      data-testid="webview-frame"
      src={`${pluginHostOrigin(location)}${pluginWebviewFramePath}`}
    />
  );
}

/** Plugins' webview panels, docked on the right of the window, one in front at a time. */
export function WebviewPanels() {
  const panels = useWebviewStore((state) => state.panels);
  const active = useWebviewStore((state) => state.active);
  const shown = panels.find((panel) => panel.id === active);
  if (!shown) return null;
  return (
    <section className="webview-panels" aria-label="Plugin panels" data-testid="webview-panels">
      <div className="webview-tabs" role="tablist">
        {panels.map((panel) => (
          <div key={panel.id} className={`webview-tab${panel.id === active ? ' active' : ''}`} role="tab" aria-selected={panel.id === active}>
            <button type="button" className="webview-tab-title" onClick={() => useWebviewStore.setState({ active: panel.id })}>
              {panel.title}
            </button>
            <button type="button" className="icon-button" title="Close" aria-label={`Close ${panel.title}`} onClick={() => closeWebview(panel.id, { notify: true })}>
              <Codicon name="close" />
            </button>
          </div>
        ))}
      </div>
      <WebviewFrame key={shown.id} panel={shown} />
    </section>
  );
}
