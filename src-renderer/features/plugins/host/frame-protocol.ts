/** What the workbench sends the plugin host frame: the worker's script and, transferred with it, its port. */
export interface FrameStart {
  kind: 'start';
  script: string;
  /** The worker's name, shown in the browser's developer tools. */
  name: string;
}

/** Asks the frame whether it is alive: a frame whose process died does not answer. */
export interface FramePing {
  kind: 'ping';
}

/** What the plugin host frame tells the workbench. */
export type FrameMessage = { kind: 'ready' } | { kind: 'pong' } | { kind: 'error'; message: string; line: number };
