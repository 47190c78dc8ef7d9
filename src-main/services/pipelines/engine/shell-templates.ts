import { splitCommandLine } from '../command-line';

/** A way to run a step's script file: GitHub's templates, with `{0}` standing for the file. */
export interface ShellTemplate {
  /** The shell as written (`bash`, `python`, `perl {0}`), or `bash`/`sh` when none was given. */
  name: string;
  template: string;
  /** The script file's extension (some interpreters insist on one). */
  extension: string;
}

/** GitHub's exact templates for the shells it knows. */
const knownShells: Record<string, Omit<ShellTemplate, 'name'>> = {
  bash: { template: 'bash --noprofile --norc -e -o pipefail {0}', extension: '.sh' },
  sh: { template: 'sh -e {0}', extension: '.sh' },
  pwsh: { template: `pwsh -command ". '{0}'"`, extension: '.ps1' },
  powershell: { template: `powershell -command ". '{0}'"`, extension: '.ps1' },
  python: { template: 'python {0}', extension: '.py' },
  cmd: { template: '%ComSpec% /D /E:ON /V:OFF /S /C "CALL "{0}""', extension: '.cmd' },
};

export class ShellError extends Error {}

/**
 * The template for a step's `shell`. Without one GitHub runs `bash -e {0}` where bash exists and
 * `sh -e {0}` elsewhere; a custom shell is a command line holding `{0}`.
 */
export function shellTemplate(shell: string | undefined, hasBash: boolean): ShellTemplate {
  if (shell === undefined || shell === '') {
    return hasBash ? { name: 'bash', template: 'bash -e {0}', extension: '.sh' } : { name: 'sh', template: 'sh -e {0}', extension: '.sh' };
  }
  const known = knownShells[shell];
  if (known) return { name: shell, ...known };
  if (!shell.includes('{0}')) throw new ShellError(`The shell '${shell}' is not one GitHub knows (bash, sh, pwsh, powershell, python, cmd); a custom shell must contain {0} where the script file goes`);
  return { name: shell, template: shell, extension: '' };
}

/** The program a shell runs, for checking that it exists before anything runs. */
export function shellProgram(template: ShellTemplate): string {
  return splitCommandLine(template.template, { singleQuotes: false })[0] ?? '';
}

/** The program and arguments that run `scriptPath` with this shell. */
export function shellCommand(template: ShellTemplate, scriptPath: string, env: NodeJS.ProcessEnv = process.env): { program: string; args: string[] } {
  if (template.name === 'cmd') {
    return { program: env.ComSpec ?? 'cmd.exe', args: ['/D', '/E:ON', '/V:OFF', '/S', '/C', `CALL "${scriptPath}"`] };
  }
  const [program = '', ...args] = splitCommandLine(template.template, { singleQuotes: false }).map((part) => part.replaceAll('{0}', scriptPath));
  return { program, args };
}
