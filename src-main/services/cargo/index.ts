import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import {
  LatheError,
  type CargoCommand,
  type CargoFileDiagnostics,
  type CargoRunChunk,
  type CargoTarget,
  type CargoTest,
  type CargoTestRunChunk,
  type CargoWorkspace,
  type FileChange,
} from '../../../src-shared/contract';
import { findExecutable } from '../../lib/find-executable';
import { DiagnosticReader, parseCargoMessage } from './compiler-messages';
import { cargoMetadataSchema, targetArgs, targetKindOf, toCargoWorkspace, type CargoMetadata, type WorkspacePaths } from './metadata';
import { processLines } from './process-lines';
import { locateTests } from './test-locations';
import { parseTestList, TestOutputParser, type TestResult } from './test-output';

export { parseCargoMessage, DiagnosticReader } from './compiler-messages';
export { parseTestList, TestOutputParser } from './test-output';

/** The workspace's path guard, as far as cargo needs it (structurally the workspace service's PathGuard). */
export interface CargoGuard {
  readonly root: string;
  contains(absolute: string): boolean;
  toRelative(absolute: string): string;
}

export interface CargoServiceOptions {
  /** Null when no folder is open. */
  guard: CargoGuard | null;
  /** `cargo.path`: empty looks on the PATH and in ~/.cargo/bin. */
  cargoPath: () => string;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
}

interface Loaded {
  metadata: CargoMetadata;
  workspace: CargoWorkspace;
}

type TestListing = { tests: CargoTest[]; problems: CargoFileDiagnostics[]; error: string | null };

const commandArgs: Record<CargoCommand, string[]> = {
  check: ['check', '--all-targets', '--message-format=json'],
  clippy: ['clippy', '--all-targets', '--message-format=json'],
  build: ['build', '--message-format=json'],
  doc: ['doc', '--no-deps', '--message-format=json'],
  fmt: ['fmt'],
};

/**
 * Cargo for the open folder: its workspace and members (`cargo metadata`), builds and lints whose JSON
 * messages become diagnostics with rustc's suggestions as quick fixes, and tests listed and run through
 * libtest. Metadata and test lists are kept until a manifest or Rust file changes.
 */
export class CargoService {
  private loaded: Promise<Loaded | null> | undefined;
  private readonly listings = new Map<string, Promise<TestListing>>();

  constructor(private readonly options: CargoServiceOptions) {}

  async workspace(): Promise<CargoWorkspace | null> {
    return (await this.load())?.workspace ?? null;
  }

  /** Files changed on disk: manifests invalidate the metadata, Rust files the test lists. */
  filesChanged(changes: readonly FileChange[]): void {
    if (changes.some((change) => /(^|\/)Cargo\.(toml|lock)$/.test(change.path))) this.loaded = undefined;
    if (changes.some((change) => change.path.endsWith('.rs') || change.path.endsWith('Cargo.toml'))) this.listings.clear();
  }

  async *run(command: CargoCommand, packageName: string | undefined, signal: AbortSignal): AsyncGenerator<CargoRunChunk> {
    const { metadata } = await this.requireLoaded(packageName);
    const reader = new DiagnosticReader(metadata.workspace_root, this.paths);
    const args = [...commandArgs[command], ...this.scopeArgs(command, packageName)];
    const seen = new Set<string>();
    let exitCode: number | null = null;
    for await (const batch of processLines(await this.cargo(), args, { cwd: metadata.workspace_root, env: this.env, signal })) {
      const output: string[] = [];
      const files: CargoFileDiagnostics[] = [];
      for (const event of batch) {
        if (event.kind === 'exit') {
          exitCode = event.code;
          continue;
        }
        const message = event.kind === 'stdout' ? parseCargoMessage(event.line) : null;
        if (message?.reason === 'compiler-message') {
          const located = reader.read(message.message);
          if (message.message.rendered) output.push(message.message.rendered.trimEnd());
          // With --all-targets a library's warning comes once per target that builds it.
          const key = JSON.stringify(located);
          if (located && !seen.has(key)) {
            seen.add(key);
            files.push(located);
          }
        } else if (!message) {
          output.push(event.line);
        }
      }
      if (output.length > 0) yield { kind: 'output', text: `${output.join('\n')}\n` };
      if (files.length > 0) yield { kind: 'diagnostics', files };
    }
    yield { kind: 'done', success: exitCode === 0, exitCode };
  }

  listTests(packageName: string | undefined): Promise<TestListing> {
    const key = packageName ?? '';
    let listing = this.listings.get(key);
    if (!listing) {
      listing = this.buildTestListing(packageName);
      this.listings.set(key, listing);
      // A failed listing (cargo missing) is asked again next time.
      listing.catch(() => this.listings.delete(key));
    }
    return listing;
  }

  async *runTests(scope: { package?: string | undefined; target?: CargoTarget | undefined; name?: string | undefined }, signal: AbortSignal): AsyncGenerator<CargoTestRunChunk> {
    if (scope.target && !scope.package) throw new LatheError('INVALID_INPUT', 'A target needs its package');
    const { metadata, workspace } = await this.requireLoaded(scope.package);
    if (scope.target) {
      const { kind, name } = scope.target;
      const known = workspace.packages.find((pkg) => pkg.name === scope.package)?.targets.some((target) => target.kind === kind && target.name === name);
      if (!known) throw new LatheError('NOT_FOUND', `${scope.package ?? ''} has no ${kind} target ${name}`);
    }
    const args = [
      'test',
      '--no-fail-fast',
      '--message-format=json',
      ...(scope.package ? ['-p', scope.package] : ['--workspace']),
      ...(scope.target ? targetArgs(scope.target) : []),
      ...(scope.name ? ['--', scope.name, '--exact'] : []),
    ];
    const reader = new DiagnosticReader(metadata.workspace_root, this.paths);
    const parser = new TestOutputParser();
    const counts = { passed: 0, failed: 0, ignored: 0 };
    let built = false;
    const resultChunk = (result: TestResult): CargoTestRunChunk => {
      counts[result.outcome]++;
      return { kind: 'result', package: scope.package ?? null, target: scope.target ?? null, ...result };
    };
    for await (const batch of processLines(await this.cargo(), args, { cwd: metadata.workspace_root, env: this.env, signal })) {
      const output: string[] = [];
      const chunks: CargoTestRunChunk[] = [];
      for (const event of batch) {
        if (event.kind === 'exit') {
          chunks.push(...parser.finish().map(resultChunk));
          continue;
        }
        const message = event.kind === 'stdout' ? parseCargoMessage(event.line) : null;
        if (message?.reason === 'compiler-message') {
          if (message.message.rendered) output.push(message.message.rendered.trimEnd());
          const located = reader.read(message.message);
          if (located) chunks.push({ kind: 'diagnostics', files: [located] });
        } else if (message?.reason === 'build-finished') {
          built = message.success;
        } else if (!message) {
          output.push(event.line);
          if (event.kind === 'stdout') chunks.push(...parser.push(event.line).map(resultChunk));
        }
      }
      if (output.length > 0) yield { kind: 'output', text: `${output.join('\n')}\n` };
      yield* chunks;
    }
    yield { kind: 'done', ...counts, success: built };
  }

  private async buildTestListing(packageName: string | undefined): Promise<TestListing> {
    const { metadata, workspace } = await this.requireLoaded(packageName);
    const reader = new DiagnosticReader(metadata.workspace_root, this.paths);
    const problems: CargoFileDiagnostics[] = [];
    const binaries: { packageName: string; target: CargoTarget; executable: string; srcPath: string; cwd: string }[] = [];
    const packageById = new Map(metadata.packages.map((pkg) => [pkg.id, pkg]));
    let built = false;
    const args = ['test', '--no-run', '--message-format=json', ...(packageName ? ['-p', packageName] : ['--workspace'])];
    for await (const batch of processLines(await this.cargo(), args, { cwd: metadata.workspace_root, env: this.env })) {
      for (const event of batch) {
        const message = event.kind === 'stdout' ? parseCargoMessage(event.line) : null;
        if (message?.reason === 'compiler-message') {
          const located = reader.read(message.message);
          if (located && located.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) problems.push(located);
        } else if (message?.reason === 'compiler-artifact' && message.profile.test && message.executable) {
          const pkg = packageById.get(message.package_id);
          if (pkg) {
            binaries.push({
              packageName: pkg.name,
              target: { name: message.target.name, kind: targetKindOf(message.target.kind) },
              executable: message.executable,
              srcPath: message.target.src_path,
              cwd: join(pkg.manifest_path, '..'),
            });
          }
        } else if (message?.reason === 'build-finished') {
          built = message.success;
        }
      }
    }
    if (!built) return { tests: [], problems, error: 'The tests do not build: see Problems for why.' };
    const tests: CargoTest[] = [];
    for (const binary of binaries) {
      const listed = parseTestList(await this.capture(binary.executable, ['--list'], binary.cwd));
      const locations = await locateTests(binary.srcPath, this.paths);
      for (const name of listed) tests.push({ package: binary.packageName, target: binary.target, name, location: locations.get(name) ?? null });
    }
    this.options.logger.debug({ tests: tests.length, packages: workspace.packages.length }, 'listed cargo tests');
    return { tests, problems, error: null };
  }

  private capture(file: string, args: string[], cwd: string): Promise<string> {
    return new Promise((resolve) => {
      execFile(file, args, { cwd, env: this.env, timeout: 30_000, maxBuffer: 16 * 1024 * 1024, windowsHide: true }, (_error, stdout) => resolve(stdout));
    });
  }

  private scopeArgs(command: CargoCommand, packageName: string | undefined): string[] {
    if (packageName) return ['-p', packageName];
    return command === 'fmt' ? ['--all'] : ['--workspace'];
  }

  private get env(): NodeJS.ProcessEnv {
    return this.options.env ?? process.env;
  }

  private readonly paths: WorkspacePaths = {
    relative: (absolute) => {
      const guard = this.options.guard;
      return guard?.contains(absolute) ? guard.toRelative(absolute) : null;
    },
  };

  private async cargo(): Promise<string> {
    const configured = this.options.cargoPath();
    const found =
      (await findExecutable(configured || 'cargo', this.env)) ??
      (configured ? undefined : await findExecutable(join(homedir(), '.cargo', 'bin', process.platform === 'win32' ? 'cargo.exe' : 'cargo'), this.env));
    if (!found) throw new LatheError('UNAVAILABLE', configured ? `cargo was not found at ${configured} (cargo.path)` : 'cargo was not found: install Rust from https://rustup.rs, or set cargo.path');
    return found;
  }

  private load(): Promise<Loaded | null> {
    this.loaded ??= this.readMetadata().catch((error: unknown) => {
      this.loaded = undefined;
      throw error;
    });
    return this.loaded;
  }

  private async readMetadata(): Promise<Loaded | null> {
    const guard = this.options.guard;
    if (!guard || !existsSync(join(guard.root, 'Cargo.toml'))) return null;
    const cargo = await this.cargo();
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(cargo, ['metadata', '--no-deps', '--format-version', '1'], { cwd: guard.root, env: this.env, maxBuffer: 64 * 1024 * 1024, timeout: 60_000, windowsHide: true }, (error, out, stderr) => {
        if (error) reject(new LatheError('UNAVAILABLE', `cargo metadata failed: ${stderr.trim().split('\n').pop() ?? error.message}`));
        else resolve(out);
      });
    });
    let json: unknown;
    try {
      json = JSON.parse(stdout);
    } catch {
      throw new LatheError('UNAVAILABLE', 'cargo metadata printed something other than JSON');
    }
    const parsed = cargoMetadataSchema.safeParse(json);
    if (!parsed.success) throw new LatheError('UNAVAILABLE', 'cargo metadata answered in a shape Lathe does not know');
    const workspace = toCargoWorkspace(parsed.data, this.paths);
    return workspace ? { metadata: parsed.data, workspace } : null;
  }

  private async requireLoaded(packageName: string | undefined): Promise<Loaded> {
    const loaded = await this.load();
    if (!loaded) throw new LatheError('UNAVAILABLE', 'The open folder has no Cargo.toml');
    if (packageName !== undefined && !loaded.workspace.packages.some((pkg) => pkg.name === packageName)) {
      throw new LatheError('NOT_FOUND', `${packageName} is not a package of this Cargo workspace`);
    }
    return loaded;
  }
}
