import { LatheError } from '../../../src-shared/contract';

/** Turns a Node file-system error into a message a user can act on, keeping the path relative. */
export function fromFsError(error: unknown, path: string): LatheError {
  if (error instanceof LatheError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return new LatheError('NOT_FOUND', `${path} does not exist`);
    case 'EACCES':
    case 'EPERM':
      return new LatheError('PERMISSION_DENIED', `Permission denied: ${path}`);
    case 'EROFS':
      return new LatheError('PERMISSION_DENIED', `${path} is on a read-only file system`);
    case 'ENOSPC':
    case 'EDQUOT':
      return new LatheError('UNAVAILABLE', `The disk is full; ${path} was not written`);
    case 'EEXIST':
    case 'ENOTEMPTY':
      return new LatheError('CONFLICT', `${path} already exists`);
    case 'EISDIR':
      return new LatheError('UNSUPPORTED', `${path} is a folder`);
    case 'ENOTDIR':
      return new LatheError('NOT_FOUND', `A part of ${path} is not a folder`);
    default:
      return new LatheError('INTERNAL', `Could not access ${path} (${code ?? 'unknown error'})`);
  }
}
