import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The files a step writes to talk back: `$GITHUB_ENV`, `$GITHUB_OUTPUT`, `$GITHUB_PATH`, `$GITHUB_STEP_SUMMARY`. */
export interface EnvFiles {
  env: string;
  output: string;
  path: string;
  summary: string;
}

/** What a step wrote into them. */
export interface EnvFileResults {
  env: Record<string, string>;
  outputs: Record<string, string>;
  /** Folders to put in front of PATH for later steps, the last written first. */
  path: string[];
  summary: string;
  /** Lines that were not `NAME=value` or a `NAME<<DELIMITER` block. */
  problems: string[];
}

/**
 * Where one attempt's files go, in the job's scratch folder. They are created by the step's first write
 * (`>> "$GITHUB_OUTPUT"`), not beforehand: a step that writes none costs no file at all.
 */
export function envFiles(folder: string, prefix: string): EnvFiles {
  return { env: join(folder, `${prefix}.env`), output: join(folder, `${prefix}.output`), path: join(folder, `${prefix}.path`), summary: join(folder, `${prefix}.summary.md`) };
}

export async function readEnvFiles(files: EnvFiles): Promise<EnvFileResults> {
  const read = (file: string): Promise<string> => readFile(file, 'utf8').catch(() => '');
  const [env, output, path, summary] = await Promise.all([read(files.env), read(files.output), read(files.path), read(files.summary)]);
  const parsedEnv = parseKeyValueFile(env);
  const parsedOutput = parseKeyValueFile(output);
  return {
    env: parsedEnv.values,
    outputs: parsedOutput.values,
    path: path
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean)
      .reverse(),
    summary,
    problems: [...parsedEnv.problems, ...parsedOutput.problems],
  };
}

/** GitHub's format: `NAME=value` lines, or `NAME<<DELIMITER`, the value's lines, then `DELIMITER` alone. */
export function parseKeyValueFile(text: string): { values: Record<string, string>; problems: string[] } {
  const values: Record<string, string> = {};
  const problems: string[] = [];
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (line === '') continue;
    const equals = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (heredoc > 0 && (equals < 0 || heredoc < equals)) {
      const name = line.slice(0, heredoc);
      const delimiter = line.slice(heredoc + 2);
      const end = lines.indexOf(delimiter, index + 1);
      if (!delimiter || end < 0) {
        problems.push(`'${name}' starts a block ended by '${delimiter}', which never comes`);
        break;
      }
      values[name] = lines.slice(index + 1, end).join('\n');
      index = end;
    } else if (equals > 0) {
      values[line.slice(0, equals)] = line.slice(equals + 1);
    } else {
      problems.push(`'${line.slice(0, 100)}' is neither NAME=value nor NAME<<DELIMITER`);
    }
  }
  return { values, problems };
}
