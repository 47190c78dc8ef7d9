import { z } from 'zod';
import { method, stream } from '../define';
import { diagnosticSchema } from './language';

export const cargoTargetKinds = ['lib', 'bin', 'test', 'example', 'bench', 'build-script', 'other'] as const;

export const cargoTargetSchema = z.object({
  name: z.string().min(1).max(200),
  kind: z.enum(cargoTargetKinds),
});
export type CargoTarget = z.infer<typeof cargoTargetSchema>;

export const cargoPackageNameSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a package name');

export const cargoPackageSchema = z.object({
  name: cargoPackageNameSchema,
  version: z.string(),
  /** The package's folder, workspace-relative ('' = the workspace root). */
  root: z.string(),
  manifestPath: z.string(),
  targets: z.array(cargoTargetSchema.extend({ path: z.string(), test: z.boolean() })),
});
export type CargoPackage = z.infer<typeof cargoPackageSchema>;

/** The Cargo workspace of the open folder and its members, from `cargo metadata`. */
export const cargoWorkspaceSchema = z.object({
  /** The folder of the workspace's Cargo.toml, workspace-relative. */
  root: z.string(),
  packages: z.array(cargoPackageSchema),
});
export type CargoWorkspace = z.infer<typeof cargoWorkspaceSchema>;

/** The cargo commands whose output and diagnostics the host reads (`run` belongs in a terminal, tests in `runTests`). */
export const cargoCommands = ['check', 'clippy', 'build', 'doc', 'fmt'] as const;
export type CargoCommand = (typeof cargoCommands)[number];

export const cargoFileDiagnosticsSchema = z.object({ path: z.string(), diagnostics: z.array(diagnosticSchema) });
export type CargoFileDiagnostics = z.infer<typeof cargoFileDiagnosticsSchema>;

/**
 * A cargo run: its human-readable output as it comes, the diagnostics of each compiler message
 * (workspace files only), then `done`.
 */
export const cargoRunChunkSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('output'), text: z.string() }),
  z.object({ kind: z.literal('diagnostics'), files: z.array(cargoFileDiagnosticsSchema) }),
  z.object({ kind: z.literal('done'), success: z.boolean(), exitCode: z.number().int().nullable() }),
]);
export type CargoRunChunk = z.infer<typeof cargoRunChunkSchema>;

export const cargoTestSchema = z.object({
  package: cargoPackageNameSchema,
  target: cargoTargetSchema,
  /** The path libtest knows it by: `tests::adds`. */
  name: z.string(),
  /** Where the function is, when the sources show it. */
  location: z.object({ path: z.string(), line: z.number().int().positive() }).nullable(),
});
export type CargoTest = z.infer<typeof cargoTestSchema>;

export const cargoTestOutcomes = ['passed', 'failed', 'ignored'] as const;
export type CargoTestOutcome = (typeof cargoTestOutcomes)[number];

export const cargoTestRunChunkSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('output'), text: z.string() }),
  z.object({ kind: z.literal('diagnostics'), files: z.array(cargoFileDiagnosticsSchema) }),
  z.object({
    kind: z.literal('result'),
    /** Null when the run was not narrowed to one package or target. */
    package: cargoPackageNameSchema.nullable(),
    target: cargoTargetSchema.nullable(),
    name: z.string(),
    outcome: z.enum(cargoTestOutcomes),
    /** What a failed test printed (its panic message first). */
    output: z.string().optional(),
  }),
  z.object({
    kind: z.literal('done'),
    passed: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    ignored: z.number().int().nonnegative(),
    /** False when the tests did not build, or cargo failed for another reason than a failed test. */
    success: z.boolean(),
  }),
]);
export type CargoTestRunChunk = z.infer<typeof cargoTestRunChunkSchema>;

export const cargoService = {
  /** The Cargo workspace of the open folder, or null when it has no Cargo.toml. */
  workspace: method(z.void(), cargoWorkspaceSchema.nullable()),
  /** Runs a cargo command on the workspace, or on one package. UNAVAILABLE without a Cargo workspace or cargo. */
  run: stream(z.object({ command: z.enum(cargoCommands), package: cargoPackageNameSchema.optional() }), cargoRunChunkSchema),
  /**
   * Builds the test targets and lists their tests (`--list`). When the tests do not build, `tests` is
   * empty and `problems` says why.
   */
  listTests: method(
    z.object({ package: cargoPackageNameSchema.optional() }),
    z.object({ tests: z.array(cargoTestSchema), problems: z.array(cargoFileDiagnosticsSchema), error: z.string().nullable() }),
  ),
  /**
   * Runs tests: every test of the workspace, of a package, of one target, or the one named `name`
   * (an exact libtest path), streaming each result as it is known.
   */
  runTests: stream(
    z.object({
      package: cargoPackageNameSchema.optional(),
      target: cargoTargetSchema.optional(),
      // Passed to the test harness as a filter: never something it would take for an option.
      name: z.string().min(1).max(1000).regex(/^[^-\s]/, 'a test name').optional(),
    }),
    cargoTestRunChunkSchema,
  ),
} as const;
