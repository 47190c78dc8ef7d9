import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { Unicode11Addon } from '@xterm/addon-unicode11';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { WebglAddon } from '@xterm/addon-webgl';
import { Terminal, type IBufferLine, type ILink } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { terminalFlowControl, terminalSizeLimits, type Disposable, type SettingsValues, type TerminalChunk } from '../../../src-shared/contract';
import { currentSetting, useAppStore } from '../../app/store';
import { errorMessage } from '../../platform/errors';
import { host } from '../../platform/host';
import { isMac } from '../../platform/keyboard-platform';
import { openTerminalLink, openWebLink } from './open-link';
import { useTerminalStore } from './store';
import { terminalTheme } from './terminal-theme';
import { findFileLinks } from './links';

type TerminalSettings = Pick<
  SettingsValues,
  | 'terminal.integrated.fontFamily'
  | 'terminal.integrated.fontSize'
  | 'terminal.integrated.lineHeight'
  | 'terminal.integrated.scrollback'
  | 'terminal.integrated.cursorStyle'
  | 'terminal.integrated.cursorBlinking'
  | 'terminal.integrated.gpuAcceleration'
  | 'workbench.colorTheme'
>;

function readSettings(): TerminalSettings {
  return {
    'terminal.integrated.fontFamily': currentSetting('terminal.integrated.fontFamily'),
    'terminal.integrated.fontSize': currentSetting('terminal.integrated.fontSize'),
    'terminal.integrated.lineHeight': currentSetting('terminal.integrated.lineHeight'),
    'terminal.integrated.scrollback': currentSetting('terminal.integrated.scrollback'),
    'terminal.integrated.cursorStyle': currentSetting('terminal.integrated.cursorStyle'),
    'terminal.integrated.cursorBlinking': currentSetting('terminal.integrated.cursorBlinking'),
    'terminal.integrated.gpuAcceleration': currentSetting('terminal.integrated.gpuAcceleration'),
    'workbench.colorTheme': currentSetting('workbench.colorTheme'),
  };
}

function fontFamily(configured: string): string {
  if (configured.trim()) return configured;
  return getComputedStyle(document.documentElement).getPropertyValue('--monospace-font-family').trim() || 'monospace';
}

let software: boolean | undefined;

/** Whether WebGL here is drawn by the CPU (measured by P7: the DOM renderer is about twice as fast then). */
function softwareWebgl(): boolean {
  if (software !== undefined) return software;
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    const name = gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    software = !gl || /swiftshader|llvmpipe|software|softpipe/i.test(name);
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    software = true;
  }
  return software;
}

// Every match outlined, the current one filled (xterm needs #RRGGBB colours here, not CSS variables).
const findDecorations = {
  matchBackground: '#515c6a',
  matchOverviewRuler: '#d18616',
  activeMatchBackground: '#a8ac94',
  activeMatchColorOverviewRuler: '#a0a0a0',
} as const;

/** The string offsets of a buffer line mapped to 1-based cell columns (wide characters take two cells). */
function columnOfOffset(line: IBufferLine, length: number): number[] {
  const columns: number[] = [];
  let offset = 0;
  for (let x = 0; x < length && x < line.length; x += 1) {
    const cell = line.getCell(x);
    if (!cell || cell.getWidth() === 0) continue;
    const chars = cell.getChars() || ' ';
    for (let index = 0; index < chars.length; index += 1) columns[offset + index] = x + 1;
    offset += chars.length;
  }
  columns[offset] = line.length + 1;
  return columns;
}

/**
 * One terminal on screen: an xterm.js instance fed by the host's `terminal.attach` stream. It
 * acknowledges what xterm has parsed (the host pauses the pty when too much is unacknowledged),
 * fits itself to its container and outlives React re-renders (the element moves between hosts).
 */
export class TerminalInstance {
  readonly element = document.createElement('div');
  readonly term: Terminal;
  readonly search = new SearchAddon();
  private readonly fit = new FitAddon();
  private webgl: WebglAddon | undefined;
  private opened = false;
  private stream: Disposable | undefined;
  private unacknowledged = 0;
  private resizeObserver: ResizeObserver | undefined;
  private fitFrame = 0;
  private disposed = false;
  private readonly disposables: Disposable[] = [];

  constructor(readonly id: string) {
    const settings = readSettings();
    this.element.className = 'terminal-instance';
    this.element.dataset.testid = 'terminal';
    this.element.dataset.terminalId = id;
    // The end-to-end tests and the benchmark read the buffer through this, whatever the renderer draws with.
    this.term = new Terminal({
      allowProposedApi: true,
      fontFamily: fontFamily(settings['terminal.integrated.fontFamily']),
      fontSize: settings['terminal.integrated.fontSize'],
      lineHeight: settings['terminal.integrated.lineHeight'],
      scrollback: settings['terminal.integrated.scrollback'],
      cursorStyle: settings['terminal.integrated.cursorStyle'] === 'line' ? 'bar' : settings['terminal.integrated.cursorStyle'],
      cursorBlink: settings['terminal.integrated.cursorBlinking'],
      theme: terminalTheme(settings['workbench.colorTheme']),
      macOptionIsMeta: false,
      rightClickSelectsWord: isMac,
      drawBoldTextInBrightColors: true,
      minimumContrastRatio: 4.5,
    });
    Object.defineProperty(this.element, 'readBuffer', { value: () => this.bufferText() });
    Object.defineProperty(this.element, 'xterm', { value: this.term });
    this.term.loadAddon(this.fit);
    this.term.loadAddon(this.search);
    this.term.loadAddon(new Unicode11Addon());
    this.term.unicode.activeVersion = '11';
    this.term.loadAddon(new WebLinksAddon((event, uri) => openWebLink(event, uri)));
    this.disposables.push(
      this.term.registerLinkProvider({ provideLinks: (y, callback) => callback(this.fileLinks(y)) }),
      this.term.onData((data) => this.send(data)),
      this.term.onBinary((data) => this.send(data)),
      this.term.onSelectionChange(() => {
        if (currentSetting('terminal.integrated.copyOnSelection') && this.term.hasSelection()) {
          void navigator.clipboard?.writeText(this.term.getSelection()).catch(() => undefined);
        }
      }),
    );
    this.term.attachCustomKeyEventHandler((event) => this.handleKey(event));
    this.connect();
  }

  /** Shows the terminal in `container`; the first time, xterm opens and the renderer is chosen. */
  mount(container: HTMLElement): void {
    if (this.disposed) return;
    if (this.element.parentElement !== container) container.appendChild(this.element);
    if (!this.opened) {
      this.opened = true;
      this.term.open(this.element);
      this.applyRenderer(currentSetting('terminal.integrated.gpuAcceleration'));
    }
    this.resizeObserver?.disconnect();
    this.resizeObserver = new ResizeObserver(() => this.scheduleFit());
    this.resizeObserver.observe(container);
    this.scheduleFit();
  }

  focus(): void {
    this.term.focus();
  }

  applySettings(settings: TerminalSettings = readSettings()): void {
    const options = this.term.options;
    options.fontFamily = fontFamily(settings['terminal.integrated.fontFamily']);
    options.fontSize = settings['terminal.integrated.fontSize'];
    options.lineHeight = settings['terminal.integrated.lineHeight'];
    options.scrollback = settings['terminal.integrated.scrollback'];
    options.cursorStyle = settings['terminal.integrated.cursorStyle'] === 'line' ? 'bar' : settings['terminal.integrated.cursorStyle'];
    options.cursorBlink = settings['terminal.integrated.cursorBlinking'];
    options.theme = terminalTheme(settings['workbench.colorTheme']);
    if (this.opened) this.applyRenderer(settings['terminal.integrated.gpuAcceleration']);
    this.scheduleFit();
  }

  /** Which renderer draws the terminal: `webgl`, or `dom` when WebGL is off or not available. */
  get renderer(): 'webgl' | 'dom' {
    return this.webgl ? 'webgl' : 'dom';
  }

  clear(): void {
    this.term.clear();
    void host().terminal.clearBuffer({ id: this.id }).catch(() => undefined);
  }

  paste(text: string): void {
    this.term.paste(text);
  }

  /** Selects the next (or previous) match of `query` and scrolls to it; false when there is none. */
  find(query: string, direction: 'next' | 'previous', options: { caseSensitive: boolean; regex: boolean }): boolean {
    const searchOptions = { ...options, decorations: findDecorations };
    return direction === 'next' ? this.search.findNext(query, searchOptions) : this.search.findPrevious(query, searchOptions);
  }

  clearFind(): void {
    this.search.clearDecorations();
    this.term.clearSelection();
  }

  selection(): string {
    return this.term.getSelection();
  }

  /** The last lines of the buffer as plain text (what a user would copy from the screen). */
  recentText(maxLines: number): string {
    return this.bufferText().split('\n').slice(-maxLines).join('\n');
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    cancelAnimationFrame(this.fitFrame);
    this.resizeObserver?.disconnect();
    this.stream?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
    this.webgl?.dispose();
    this.term.dispose();
    this.element.remove();
  }

  private connect(): void {
    this.stream = host().terminal.attach(
      { id: this.id },
      {
        next: (chunk) => this.receive(chunk),
        error: (error) => {
          if (this.disposed) return;
          this.writeNotice(`The connection to this terminal was lost: ${error.message}`);
        },
        complete: () => {
          // The terminal was closed (here or in another window).
          useTerminalStore.getState().remove(this.id);
        },
      },
    );
  }

  private receive(chunk: TerminalChunk): void {
    switch (chunk.kind) {
      case 'replay':
        useTerminalStore.getState().upsert(chunk.info);
        if (chunk.data) this.term.write(chunk.data);
        break;
      case 'data': {
        const length = chunk.data.length;
        this.term.write(chunk.data, () => this.acknowledge(length));
        break;
      }
      case 'started':
        this.term.reset();
        this.unacknowledged = 0;
        this.scheduleFit(true);
        break;
      case 'exit':
        this.writeNotice(
          chunk.exitCode === 0 ? 'The terminal process exited.' : `The terminal process exited with code ${chunk.exitCode}.`,
        );
        break;
    }
  }

  private acknowledge(length: number): void {
    if (this.disposed) return;
    this.unacknowledged += length;
    if (this.unacknowledged < terminalFlowControl.ackBatch) return;
    const charCount = this.unacknowledged;
    this.unacknowledged = 0;
    void host().terminal.acknowledgeData({ id: this.id, charCount }).catch(() => undefined);
  }

  private writeNotice(text: string): void {
    this.term.write(`\r\n\x1b[0m\x1b[7m * \x1b[0m ${text}\r\n`);
  }

  private send(data: string): void {
    const info = useTerminalStore.getState().terminals[this.id];
    if (info?.state === 'exited') return;
    host()
      .terminal.write({ id: this.id, data })
      .catch((error: unknown) => useTerminalStore.getState().setMessage(errorMessage(error)));
  }

  private applyRenderer(mode: 'auto' | 'on' | 'off'): void {
    if (mode === 'off') {
      this.webgl?.dispose();
      this.webgl = undefined;
      return;
    }
    if (this.webgl) return;
    // "auto" leaves a software rasterizer (no GPU: SwiftShader, llvmpipe) to the DOM renderer, which is faster there.
    if (mode === 'auto' && softwareWebgl()) return;
    try {
      const addon = new WebglAddon();
      addon.onContextLoss(() => {
        // The GPU went away (driver reset, too many contexts): the DOM renderer takes over.
        addon.dispose();
        if (this.webgl === addon) this.webgl = undefined;
      });
      this.term.loadAddon(addon);
      this.webgl = addon;
    } catch {
      this.webgl = undefined;
    }
  }

  private scheduleFit(force = false): void {
    cancelAnimationFrame(this.fitFrame);
    this.fitFrame = requestAnimationFrame(() => this.fitNow(force));
  }

  /** Fits the grid to the container and tells the pty; a hidden or tiny container keeps the last size. */
  private fitNow(force: boolean): void {
    if (this.disposed || !this.opened || this.element.offsetParent === null) return;
    const proposed = this.fit.proposeDimensions();
    if (!proposed || !Number.isFinite(proposed.cols) || !Number.isFinite(proposed.rows)) return;
    const cols = Math.min(terminalSizeLimits.maxCols, Math.max(terminalSizeLimits.minCols, Math.floor(proposed.cols)));
    const rows = Math.min(terminalSizeLimits.maxRows, Math.max(terminalSizeLimits.minRows, Math.floor(proposed.rows)));
    if (!force && cols === this.term.cols && rows === this.term.rows) return;
    this.term.resize(cols, rows);
    const info = useTerminalStore.getState().terminals[this.id];
    if (info?.state !== 'running') return;
    void host()
      .terminal.resize({ id: this.id, cols, rows })
      .catch(() => undefined);
  }

  private handleKey(event: KeyboardEvent): boolean {
    if (event.type !== 'keydown') return true;
    const key = event.key.toLowerCase();
    const copyChord = isMac ? event.metaKey && !event.ctrlKey && key === 'c' : event.ctrlKey && event.shiftKey && key === 'c';
    const pasteChord = isMac ? event.metaKey && !event.ctrlKey && key === 'v' : event.ctrlKey && event.shiftKey && key === 'v';
    // Find in the terminal, as in VS Code: the page's own find would search the whole workbench.
    if ((isMac ? event.metaKey : event.ctrlKey) && !event.shiftKey && !event.altKey && key === 'f') {
      event.preventDefault();
      useTerminalStore.getState().setFindOpen(true);
      return false;
    }
    if (copyChord) {
      if (this.term.hasSelection()) void navigator.clipboard?.writeText(this.term.getSelection()).catch(() => undefined);
      event.preventDefault();
      return false;
    }
    if (pasteChord) {
      event.preventDefault();
      void navigator.clipboard
        ?.readText()
        .then((text) => this.term.paste(text))
        .catch(() => undefined);
      return false;
    }
    return true;
  }

  private fileLinks(y: number): ILink[] | undefined {
    const line = this.term.buffer.active.getLine(y - 1);
    if (!line) return undefined;
    const text = line.translateToString(true);
    const found = findFileLinks(text);
    if (found.length === 0) return undefined;
    const columns = columnOfOffset(line, line.length);
    return found.map((link) => ({
      text: link.text,
      range: { start: { x: columns[link.start] ?? link.start + 1, y }, end: { x: (columns[link.end] ?? link.end + 1) - 1, y } },
      decorations: { underline: true, pointerCursor: true },
      activate: (event: MouseEvent) => {
        const cwd = useTerminalStore.getState().terminals[this.id]?.cwd ?? '';
        void openTerminalLink(event, link, cwd);
      },
    }));
  }

  private bufferText(): string {
    const buffer = this.term.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < buffer.length; y += 1) {
      const line = buffer.getLine(y);
      if (!line) continue;
      if (line.isWrapped && lines.length > 0) lines[lines.length - 1] += line.translateToString(true);
      else lines.push(line.translateToString(true));
    }
    return lines.join('\n').replace(/\s+$/, '');
  }
}

/** Subscribes every instance to the settings and theme it draws with. */
export function followTerminalSettings(instances: () => Iterable<TerminalInstance>): Disposable {
  let last = readSettings();
  const unsubscribe = useAppStore.subscribe(() => {
    const next = readSettings();
    if ((Object.keys(next) as (keyof TerminalSettings)[]).every((key) => next[key] === last[key])) return;
    last = next;
    for (const instance of instances()) instance.applySettings(next);
  });
  return { dispose: unsubscribe };
}
