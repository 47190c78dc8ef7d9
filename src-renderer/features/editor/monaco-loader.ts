import type * as MonacoApi from 'monaco-editor';

export type Monaco = typeof MonacoApi;

let loading: Promise<Monaco> | undefined;

/** Monaco is a few megabytes: it is fetched on first need, after the shell has painted. */
export function loadMonaco(): Promise<Monaco> {
  loading ??= import('./monaco-environment').then(() => import('monaco-editor'));
  return loading;
}
