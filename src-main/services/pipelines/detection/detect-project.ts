import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { z } from 'zod';

/** A job of a starter pipeline. */
interface StarterJob {
  id: string;
  name: string;
  needs?: string[];
  steps: { name: string; run: string }[];
}

/** What one ecosystem contributes: a description of what was found, and jobs. */
interface Ecosystem {
  label: string;
  prefix: string;
  detected: string;
  jobs: StarterJob[];
}

export interface StarterProposal {
  content: string;
  detected: string[];
}

const packageJsonSchema = z.object({ scripts: z.record(z.string(), z.string()).optional() }).passthrough();

/**
 * Proposes a starter pipeline from what the workspace holds: Cargo (fmt check, clippy, test, build;
 * `--workspace` for a workspace), package.json (install, then its lint/typecheck/test/build scripts),
 * pyproject.toml, go.mod, a Makefile. Independent checks are separate jobs, so they run in parallel.
 */
export async function proposeStarter(root: string): Promise<StarterProposal> {
  const read = (name: string): Promise<string | undefined> => readFile(join(root, name), 'utf8').catch(() => undefined);
  const exists = (name: string): Promise<boolean> => stat(join(root, name)).then(() => true, () => false);
  const found = (
    await Promise.all([cargo(await read('Cargo.toml')), node(await read('package.json'), exists), python(await read('pyproject.toml'), exists), go(await read('go.mod')), make(await read('Makefile'))])
  ).filter((ecosystem): ecosystem is Ecosystem => ecosystem !== undefined);
  const ecosystems = found.length > 0 ? found : [fallback()];
  const prefixed = ecosystems.length > 1;
  const jobs = Object.fromEntries(
    ecosystems.flatMap((ecosystem) =>
      ecosystem.jobs.map((job) => {
        const id = prefixed ? `${ecosystem.prefix}-${job.id}` : job.id;
        const needs = job.needs?.map((need) => (prefixed ? `${ecosystem.prefix}-${need}` : need));
        return [id, { name: prefixed ? `${ecosystem.label}: ${job.name}` : job.name, ...(needs ? { needs } : {}), steps: job.steps }];
      }),
    ),
  );
  const header = [
    '# A starter pipeline Lathe proposed from this project. Jobs without `needs` run in parallel.',
    '# It uses GitHub Actions key names; see the Pipelines view for runs, logs and problems.',
    '',
  ].join('\n');
  return { content: header + stringify({ name: 'CI', on: ['manual', 'commit'], jobs }, { lineWidth: 0 }), detected: ecosystems.map((ecosystem) => ecosystem.detected) };
}

function step(name: string, run: string): { name: string; run: string } {
  return { name, run };
}

async function cargo(manifest: string | undefined): Promise<Ecosystem | undefined> {
  if (manifest === undefined) return undefined;
  const isWorkspace = /^\s*\[workspace\]/m.test(manifest);
  const members = /members\s*=\s*\[([^\]]*)\]/.exec(manifest)?.[1]?.match(/"[^"]+"/g)?.length ?? 0;
  const all = isWorkspace ? ' --workspace' : '';
  return {
    label: 'Rust',
    prefix: 'rust',
    detected: isWorkspace ? `cargo workspace (${members} member${members === 1 ? '' : 's'})` : 'cargo package',
    jobs: [
      { id: 'fmt', name: 'Format', steps: [step('Check formatting', 'cargo fmt --all -- --check')] },
      { id: 'clippy', name: 'Clippy', steps: [step('Lint', `cargo clippy${all} --all-targets -- -D warnings`)] },
      { id: 'test', name: 'Test', steps: [step('Test', `cargo test${all}`)] },
      { id: 'build', name: 'Build', needs: ['fmt', 'clippy', 'test'], steps: [step('Build', `cargo build${all} --release`)] },
    ],
  };
}

async function node(manifest: string | undefined, exists: (name: string) => Promise<boolean>): Promise<Ecosystem | undefined> {
  if (manifest === undefined) return undefined;
  let scripts: Record<string, string>;
  try {
    scripts = packageJsonSchema.parse(JSON.parse(manifest)).scripts ?? {};
  } catch {
    return undefined;
  }
  const manager = (await exists('pnpm-lock.yaml')) ? 'pnpm' : (await exists('yarn.lock')) ? 'yarn' : (await exists('bun.lockb')) ? 'bun' : 'npm';
  const install = {
    npm: (await exists('package-lock.json')) ? 'npm ci' : 'npm install',
    pnpm: 'pnpm install --frozen-lockfile',
    yarn: 'yarn install --frozen-lockfile',
    bun: 'bun install',
  }[manager];
  const run = (script: string): string => (manager === 'npm' ? (script === 'test' ? 'npm test' : `npm run ${script}`) : `${manager} run ${script}`);
  const placeholderTest = /no test specified/.test(scripts.test ?? '');
  const checks = ['lint', 'typecheck', 'type-check', 'test'].filter((script) => scripts[script] !== undefined && !(script === 'test' && placeholderTest));
  const jobs: StarterJob[] = [
    { id: 'install', name: 'Install', steps: [step('Install dependencies', install)] },
    ...checks.map((script) => ({ id: script, name: script[0]?.toUpperCase() + script.slice(1), needs: ['install'], steps: [step(script, run(script))] })),
  ];
  if (scripts.build !== undefined) jobs.push({ id: 'build', name: 'Build', needs: checks.length > 0 ? checks : ['install'], steps: [step('Build', run('build'))] });
  const used = [...checks, ...(scripts.build !== undefined ? ['build'] : [])];
  return { label: 'Node', prefix: 'node', detected: `package.json (${manager})${used.length > 0 ? `, scripts: ${used.join(', ')}` : ''}`, jobs };
}

async function python(manifest: string | undefined, exists: (name: string) => Promise<boolean>): Promise<Ecosystem | undefined> {
  if (manifest === undefined) return undefined;
  const poetry = /^\s*\[tool\.poetry\]/m.test(manifest);
  const prefix = poetry ? 'poetry run ' : 'python -m ';
  const tools = [
    /ruff/.test(manifest) && { id: 'lint', name: 'Ruff', run: `${prefix}ruff check .` },
    /\bblack\b/.test(manifest) && { id: 'format', name: 'Black', run: `${prefix}black --check .` },
    /mypy/.test(manifest) && { id: 'typecheck', name: 'Mypy', run: `${prefix}mypy .` },
    (/pytest/.test(manifest) || (await exists('tests'))) && { id: 'test', name: 'Test', run: `${prefix}pytest` },
  ].filter((tool): tool is { id: string; name: string; run: string } => Boolean(tool));
  return {
    label: 'Python',
    prefix: 'python',
    detected: `pyproject.toml${poetry ? ' (poetry)' : ''}${tools.length > 0 ? `: ${tools.map((tool) => tool.name).join(', ')}` : ''}`,
    jobs: [
      { id: 'install', name: 'Install', steps: [step('Install', poetry ? 'poetry install' : 'python -m pip install -e .')] },
      ...tools.map((tool) => ({ id: tool.id, name: tool.name, needs: ['install'], steps: [step(tool.name, tool.run)] })),
    ],
  };
}

async function go(manifest: string | undefined): Promise<Ecosystem | undefined> {
  if (manifest === undefined) return undefined;
  const module = /^module\s+(\S+)/m.exec(manifest)?.[1];
  return {
    label: 'Go',
    prefix: 'go',
    detected: `go.mod${module ? ` (${module})` : ''}`,
    jobs: [
      { id: 'fmt', name: 'Format', steps: [step('Check formatting', 'test -z "$(gofmt -l .)"')] },
      { id: 'vet', name: 'Vet', steps: [step('Vet', 'go vet ./...')] },
      { id: 'test', name: 'Test', steps: [step('Test', 'go test ./...')] },
      { id: 'build', name: 'Build', needs: ['fmt', 'vet', 'test'], steps: [step('Build', 'go build ./...')] },
    ],
  };
}

async function make(makefile: string | undefined): Promise<Ecosystem | undefined> {
  if (makefile === undefined) return undefined;
  const targets = new Set([...makefile.matchAll(/^([A-Za-z][\w.-]*)\s*:(?!=)/gm)].map((match) => match[1]));
  const wanted = ['lint', 'check', 'test', 'build'].filter((target) => targets.has(target));
  if (wanted.length === 0) return undefined;
  const checks = wanted.filter((target) => target !== 'build');
  return {
    label: 'Make',
    prefix: 'make',
    detected: `Makefile targets: ${wanted.join(', ')}`,
    jobs: wanted.map((target) => ({
      id: target,
      name: `make ${target}`,
      ...(target === 'build' && checks.length > 0 ? { needs: checks } : {}),
      steps: [step(`make ${target}`, `make ${target}`)],
    })),
  };
}

function fallback(): Ecosystem {
  return {
    label: 'Project',
    prefix: 'project',
    detected: 'no known project file (Cargo.toml, package.json, pyproject.toml, go.mod, Makefile)',
    jobs: [{ id: 'check', name: 'Check', steps: [step('Replace with your checks', 'echo "Add the commands that check this project"')] }],
  };
}
