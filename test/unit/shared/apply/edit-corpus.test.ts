import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { aiEditRefusalReasons, aiLineRegionSchema, aiPendingEditSchema } from '../../../../src-shared/contract/index.js';
import { applyAcceptedHunks, parseAnswer, planEdit, planRewrite, type Hunk, type PendingEdit, type SyntaxParser } from '../../../../src-shared/apply/index.js';
import { rawLines } from '../../../../src-shared/apply/hunks.js';
import { splitLines } from '../../../../src-shared/apply/lines.js';
import { syntaxParserFor } from '../../../../src-main/services/ai/syntax-check.js';

/** The layout and the meaning of each field are described in test/fixtures/edits/README.md. */
const corpusDir = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'edits');

const caseSchema = z
  .object({
    description: z.string().min(1),
    path: z.string().min(1),
    region: aiLineRegionSchema.optional(),
    applied: z.array(z.object({ block: z.number().int().nonnegative(), layer: aiPendingEditSchema.shape.applied.element.shape.layer })).default([]),
    refused: z
      .array(z.object({ block: z.number().int().min(-1), reason: z.enum(aiEditRefusalReasons), closest: z.tuple([z.number().int(), z.number().int()]).optional() }))
      .default([]),
    changesFinalNewline: z.boolean().default(false),
    syntax: z.boolean().default(false),
    why: z.string().min(1).optional(),
  })
  .strict();

interface EditCase {
  readonly name: string;
  readonly meta: z.infer<typeof caseSchema>;
  readonly original: string;
  readonly answer: string;
  /** Absent when every block is refused: the text must then stay as it was. */
  readonly expected?: string;
}

function loadCase(name: string): EditCase {
  const read = (file: string) => readFileSync(join(corpusDir, name, file), 'utf8');
  const meta = caseSchema.parse(JSON.parse(read('case.json')));
  const expected = existsSync(join(corpusDir, name, 'expected')) ? read('expected') : undefined;
  return { name, meta, original: read('original'), answer: read('answer'), ...(expected === undefined ? {} : { expected }) };
}

const cases = readdirSync(corpusDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => loadCase(entry.name));

/** The parser main plans each case's file with, where it has a grammar for the file's language. */
const grammars = new Map(await Promise.all(cases.map(async (edit) => [edit.name, await syntaxParserFor(edit.meta.path)] as const)));

/** A region case's answer is the model's fenced rewrite of that region; every other case goes through planEdit. */
function plan(edit: EditCase, syntax?: SyntaxParser): PendingEdit {
  const { region, path } = edit.meta;
  if (!region) return planEdit(edit.original, edit.answer, { path, syntax });
  const parsed = parseAnswer(edit.answer);
  if (parsed.kind !== 'rewrite') throw new Error(`${edit.name}: a region case needs a single fenced block, got ${parsed.kind}`);
  return planRewrite(edit.original, parsed.text, region);
}

/** As the case expects it: with its file's grammar when it asks for one, else by the text alone. */
function planAsMeant(edit: EditCase): PendingEdit {
  if (!edit.meta.syntax) return plan(edit);
  const syntax = grammars.get(edit.name);
  if (!syntax) throw new Error(`${edit.name}: asks for a grammar, but there is none for ${edit.meta.path}`);
  return plan(edit, syntax);
}

describe('edit corpus', () => {
  it('holds enough cases, each with a result exactly when a block applies', () => {
    expect(cases.length).toBeGreaterThanOrEqual(70);
    for (const edit of cases) expect({ name: edit.name, hasExpected: edit.expected !== undefined }).toEqual({ name: edit.name, hasExpected: edit.meta.applied.length > 0 });
  });

  it.each(cases)('$name', (edit) => {
    const planned = planAsMeant(edit);
    expect(planned.applied.map((applied) => ({ block: applied.blockIndex, layer: applied.layer }))).toEqual(edit.meta.applied);
    expect(planned.refusals.map((refusal) => ({ block: refusal.blockIndex, reason: refusal.reason }))).toEqual(
      edit.meta.refused.map(({ block, reason }) => ({ block, reason })),
    );
    edit.meta.refused.forEach(({ closest }, index) => {
      if (closest) expect(planned.refusals[index]?.closest).toMatchObject({ startLine: closest[0], endLine: closest[1] });
    });
    const expected = edit.expected ?? edit.original;
    expect(planned.newText).toBe(expected);
    expect(applyAcceptedHunks(edit.original, planned.hunks, planned.hunks.map((hunk) => hunk.id))).toBe(expected);
    if (edit.expected === undefined) expect(planned.hunks).toEqual([]);
  });

  it('corrupts nothing, whichever hunks are accepted', () => {
    const { applied, results, corrupted } = survey(planAsMeant);
    console.log(`edit corpus: ${cases.length} cases, ${applied} applied, ${cases.length - applied} refused, ${corrupted.length} corrupted (of ${results} results)`);
    expect(corrupted).toEqual([]);
  });

  it('plans each case with its file’s grammar as without it, except the cases that ask for it, and corrupts nothing either way', () => {
    const withGrammar = (edit: EditCase) => plan(edit, grammars.get(edit.name));
    const outcome = ({ newText, applied, refusals }: PendingEdit) => ({ newText, applied, refusals: refusals.map(({ blockIndex, reason }) => ({ blockIndex, reason })) });
    const changed = cases.filter((edit) => !isDeepStrictEqual(outcome(plan(edit)), outcome(withGrammar(edit))));
    expect(changed.filter((edit) => !edit.meta.syntax).map((edit) => edit.name)).toEqual([]);
    const without = survey((edit) => plan(edit));
    const withIt = survey(withGrammar);
    const counts = ({ applied, results, corrupted }: Survey) => `${applied} applied, ${cases.length - applied} refused, ${corrupted.length} corrupted (of ${results} results)`;
    console.log(`edit corpus without grammars: ${counts(without)}`);
    console.log(`edit corpus with grammars (${[...grammars.values()].filter(Boolean).length} of ${cases.length} cases have one, ${changed.length} planned differently): ${counts(withIt)}`);
    expect([...without.corrupted, ...withIt.corrupted]).toEqual([]);
  });
});

interface Survey {
  /** Cases where at least one block applied. */
  readonly applied: number;
  /** Sets of accepted hunks checked, over all cases. */
  readonly results: number;
  readonly corrupted: readonly string[];
}

/** Plans every case one way and checks each result of accepting some of its hunks for corruption. */
function survey(planOf: (edit: EditCase) => PendingEdit): Survey {
  const corrupted: string[] = [];
  let results = 0;
  let applied = 0;
  for (const edit of cases) {
    const planned = planOf(edit);
    if (planned.applied.length) applied++;
    for (const accepted of hunkSubsets(planned.hunks, edit.name)) {
      results++;
      const problems = corruptionsOf(edit.original, planned.hunks, accepted, edit.meta.changesFinalNewline);
      if (problems.length) corrupted.push(`${edit.name} [${accepted.join(', ')}]: ${problems.join('; ')}`);
    }
  }
  return { applied, results, corrupted };
}

/** All hunks, none, each alone, and a few random subsets drawn from a generator seeded by the case's name. */
function hunkSubsets(hunks: readonly Hunk[], seedText: string): number[][] {
  const ids = hunks.map((hunk) => hunk.id);
  let seed = [...seedText].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16777619), 2166136261);
  const random = () => {
    seed = Math.imul(seed ^ (seed >>> 15), 2246822507) + 0x9e3779b9;
    return ((seed >>> 0) % 1000) / 1000;
  };
  const randomSubsets = Array.from({ length: 4 }, () => ids.filter(() => random() < 0.5));
  return [ids, [], ...ids.map((id) => [id]), ...randomSubsets];
}

/**
 * What is wrong with the original after applying some of its hunks: a throw, a line ending the file does not use,
 * a changed final newline, a lost byte order mark, or an untouched line that is gone or no longer byte for byte.
 */
function corruptionsOf(original: string, hunks: readonly Hunk[], accepted: readonly number[], changesFinalNewline: boolean): string[] {
  let result: string;
  try {
    result = applyAcceptedHunks(original, hunks, accepted);
  } catch (error) {
    return [`applyAcceptedHunks threw: ${String(error)}`];
  }
  const problems: string[] = [];
  const before = splitLines(original);
  const after = splitLines(result);
  const endings = new Set(before.map((line) => line.eol).filter(Boolean));
  if (!endings.size) endings.add('\n');
  const foreign = after.find((line) => line.eol && !endings.has(line.eol));
  if (foreign) problems.push(`line ${JSON.stringify(foreign.text)} ends in ${JSON.stringify(foreign.eol)}, which the original never uses`);
  const finalNewline = (lines: typeof before) => (lines.at(-1)?.eol ?? '') !== '';
  if (!changesFinalNewline && before.length && after.length && finalNewline(before) !== finalNewline(after)) problems.push('the final newline changed');
  if (original.startsWith('\uFEFF') && result && !result.startsWith('\uFEFF')) problems.push('the byte order mark was lost');
  const missing = missingUntouchedRun(rawLines(original), rawLines(result), hunks.filter((hunk) => accepted.includes(hunk.id)));
  if (missing) problems.push(`untouched lines ${missing} are not in the result as they were`);
  return problems;
}

/**
 * The runs of original lines no accepted hunk covers must all be in the result, in order and byte for byte (endings
 * included); the run before the first hunk starts the result and the run after the last one ends it.
 */
function missingUntouchedRun(before: readonly string[], after: readonly string[], accepted: readonly Hunk[]): string | undefined {
  const cuts = [...accepted].sort((a, b) => a.oldStart - b.oldStart);
  const runs: [number, number][] = [];
  let from = 0;
  for (const hunk of cuts) {
    runs.push([from, hunk.oldStart]);
    from = hunk.oldStart + hunk.oldLines.length;
  }
  runs.push([from, before.length]);
  let position = 0;
  for (const [index, [start, end]] of runs.entries()) {
    if (start === end) continue;
    const run = before.slice(start, end);
    const found = indexOfRun(after, run, position);
    const headInPlace = index > 0 || found === 0;
    const tailInPlace = index < runs.length - 1 || found + run.length === after.length;
    if (found < 0 || !headInPlace || !tailInPlace) return `${start + 1}-${end}`;
    position = found + run.length;
  }
  return undefined;
}

function indexOfRun(lines: readonly string[], run: readonly string[], from: number): number {
  for (let start = from; start + run.length <= lines.length; start++) {
    if (run.every((line, offset) => lines[start + offset] === line)) return start;
  }
  return -1;
}
