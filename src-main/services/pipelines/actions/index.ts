import type { ActionHandler } from './action';
import { cache, checkout, downloadArtifact, setupTool, uploadArtifact } from './stand-ins';

export type { ActionContext, ActionHandler } from './action';
export { ArtifactStore } from './artifact-store';
export { CacheStore } from './cache-store';

/** The actions run by local stand-ins, by `owner/name` (any version after `@`). */
const standIns: Record<string, ActionHandler> = {
  'actions/checkout': checkout,
  'actions/setup-node': setupTool('Node.js', ['node'], 'node-version'),
  'actions/setup-python': setupTool('Python', ['python3', 'python'], 'python-version'),
  'actions/setup-go': setupTool('Go', ['go'], 'go-version'),
  'actions/setup-java': setupTool('Java', ['java'], 'java-version'),
  'actions/setup-dotnet': setupTool('.NET', ['dotnet'], 'dotnet-version'),
  'dtolnay/rust-toolchain': setupTool('Rust', ['cargo', 'rustc'], 'toolchain'),
  'actions-rs/toolchain': setupTool('Rust', ['cargo', 'rustc'], 'toolchain'),
  'actions/cache': cache,
  'actions/upload-artifact': uploadArtifact,
  'actions/download-artifact': downloadArtifact,
};

export const localActionNames = Object.keys(standIns);

function actionName(reference: string): string {
  return reference.split('@')[0]?.toLowerCase() ?? '';
}

export function isLocalAction(reference: string): boolean {
  return Object.hasOwn(standIns, actionName(reference));
}

export function findAction(reference: string): ActionHandler | undefined {
  const name = actionName(reference);
  return Object.hasOwn(standIns, name) ? standIns[name] : undefined;
}
