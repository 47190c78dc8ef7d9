import { resolve } from 'node:path';
import type { ActionHandler } from './action';

/** actions/checkout: the job already runs in the workspace (or a clean copy of it). */
export const checkout: ActionHandler = async (context) => {
  context.info(`The workspace is already here: ${context.workspace} (actions/checkout does nothing locally)`);
  if (context.inputs.path) context.info(`'path: ${context.inputs.path}' is ignored: steps run in the workspace itself`);
  return true;
};

/** actions/setup-*: uses the tool found where the job runs, and says which version that is. */
export function setupTool(tool: string, programs: readonly string[], versionInput: string): ActionHandler {
  return async (context) => {
    const wanted = context.inputs[versionInput];
    for (const program of programs) {
      const { exitCode, output } = await context.run(program, ['--version']).catch(() => ({ exitCode: 127, output: '' }));
      if (exitCode !== 0) continue;
      const version = output.trim().split('\n')[0] ?? '';
      context.info(`Using ${program} found here: ${version}${wanted ? ` (the workflow asks for ${wanted}; Lathe does not install versions)` : ''}`);
      return true;
    }
    context.info(`${tool} is not installed where this job runs (looked for ${programs.join(', ')}): install it, or run the job in a container image that has it`);
    return false;
  };
}

function lines(text: string | undefined): string[] {
  return (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** actions/cache: restores now from Lathe's cache, saves after the job unless the key was hit exactly. */
export const cache: ActionHandler = async (context) => {
  const key = context.inputs.key;
  const paths = lines(context.inputs.path);
  if (!key || paths.length === 0) {
    context.info('actions/cache needs `key` and `path`');
    return false;
  }
  const restored = await context.cache.restore(context.workspace, key, lines(context.inputs['restore-keys']), paths);
  context.setOutput('cache-hit', String(restored.hit === 'exact'));
  context.info(restored.hit === 'none' ? `No cache for key ${key}` : `Restored the cache of key ${restored.key}`);
  if (restored.hit !== 'exact') {
    context.addPostStep(`Save cache ${key}`, async () => {
      const saved = await context.cache.save(context.workspace, key, paths);
      context.info(saved ? `Saved the cache of key ${key}` : `The cache of key ${key} exists already`);
      return true;
    });
  }
  return true;
};

/** actions/upload-artifact: copies matching files to the run's artifact folder. */
export const uploadArtifact: ActionHandler = async (context) => {
  const name = context.inputs.name || 'artifact';
  const { files, bytes } = await context.artifacts.upload(name, context.workspace, lines(context.inputs.path));
  if (files === 0) {
    const policy = context.inputs['if-no-files-found'] || 'warn';
    context.info(`No files matched ${lines(context.inputs.path).join(', ')}`);
    return policy !== 'error';
  }
  context.recordArtifact(name, files, bytes);
  context.info(`Uploaded ${files} file(s), ${bytes} bytes, as artifact '${name}'`);
  return true;
};

/** actions/download-artifact: copies an artifact of this run (or the run it reruns) into the workspace. */
export const downloadArtifact: ActionHandler = async (context) => {
  const name = context.inputs.name || undefined;
  const destination = resolve(context.workspace, context.inputs.path || '.');
  const found = await context.artifacts.download(name, destination);
  if (found === 0) {
    context.info(name ? `No artifact named '${name}' in this run` : 'This run has no artifacts yet');
    return false;
  }
  context.info(`Downloaded ${found} artifact(s) to ${destination}`);
  return true;
};

