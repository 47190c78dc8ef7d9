// The anchor page of P1 and P2: Monaco alone, built with vite, serving one file as `file.rs`.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'vite';
import { repoRoot } from '../e2e/lathe-server';

export const bareDir = join(repoRoot, 'out', 'bench', 'startup-bare');

/** Builds the bare page into out/bench/startup-bare; put the file it opens there as `file.rs`. */
export async function buildBareMonaco(): Promise<void> {
  await build({
    root: join(repoRoot, 'test', 'bench', 'startup-bare'),
    base: './',
    logLevel: 'warn',
    build: { outDir: bareDir, emptyOutDir: true, target: 'es2022', rolldownOptions: { checks: { bundlerTimings: false } } },
    worker: { format: 'es' },
  });
}

/** Serves the built page on 127.0.0.1; resolves once its URL is known. */
export async function serveBareMonaco(): Promise<{ url: string; stop(): void }> {
  const server = spawn(process.execPath, [join(repoRoot, 'test', 'bench', 'startup-bare', 'serve.mjs'), bareDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => {
    server.stdout.on('data', (chunk: Buffer) => {
      const match = /ready at (\S+)/.exec(chunk.toString());
      if (match?.[1]) resolve(match[1]);
    });
  });
  return { url, stop: () => server.kill() };
}
