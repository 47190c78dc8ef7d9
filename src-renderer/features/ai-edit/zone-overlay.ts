import type { editor, IDisposable } from 'monaco-editor';

let lastId = 0;

/**
 * Something that takes clicks and keys between two lines of the editor, made the way VS Code makes its zone
 * widgets: a view zone makes room, and an overlay widget (a zone itself takes no clicks) sits in that room,
 * following it as the editor scrolls. The zone is as tall as the widget's content.
 */
export class ZoneOverlay implements IDisposable {
  private zoneId: string | undefined;
  private readonly zone: editor.IViewZone;
  private readonly widget: editor.IOverlayWidget;
  private readonly resize: ResizeObserver;
  private readonly layoutListener: IDisposable;

  constructor(
    private readonly target: editor.ICodeEditor,
    readonly node: HTMLElement,
    placement: { afterLineNumber: number; ordinal: number },
  ) {
    const id = `lathe.aiEdit.zone.${String(++lastId)}`;
    node.style.top = '-100000px';
    this.zone = {
      afterLineNumber: placement.afterLineNumber,
      ordinal: placement.ordinal,
      // A line until the widget has been measured.
      heightInLines: 1,
      domNode: document.createElement('div'),
      onDomNodeTop: (top) => {
        node.style.top = `${String(top)}px`;
      },
    };
    this.widget = { getId: () => id, getDomNode: () => node, getPosition: () => null };
    target.addOverlayWidget(this.widget);
    target.changeViewZones((accessor) => {
      this.zoneId = accessor.addZone(this.zone);
    });
    this.fitWidth();
    this.layoutListener = target.onDidLayoutChange(() => this.fitWidth());
    this.resize = new ResizeObserver(() => this.fitHeight());
    this.resize.observe(node);
  }

  /** Puts the zone after another line (the lines above it changed). */
  moveAfter(line: number): void {
    if (this.zone.afterLineNumber === line) return;
    this.zone.afterLineNumber = line;
    this.relayout();
  }

  dispose(): void {
    this.resize.disconnect();
    this.layoutListener.dispose();
    this.target.removeOverlayWidget(this.widget);
    this.target.changeViewZones((accessor) => {
      if (this.zoneId) accessor.removeZone(this.zoneId);
    });
    this.zoneId = undefined;
  }

  private fitWidth(): void {
    const layout = this.target.getLayoutInfo();
    this.node.style.left = `${String(layout.contentLeft)}px`;
    this.node.style.width = `${String(Math.max(0, layout.width - layout.contentLeft - layout.verticalScrollbarWidth - layout.minimap.minimapWidth))}px`;
  }

  private fitHeight(): void {
    const height = this.node.offsetHeight;
    if (height === 0 || height === this.zone.heightInPx) return;
    this.zone.heightInPx = height;
    this.relayout();
  }

  private relayout(): void {
    this.target.changeViewZones((accessor) => {
      if (this.zoneId) accessor.layoutZone(this.zoneId);
    });
  }
}
