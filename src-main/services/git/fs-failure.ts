import { LatheError } from '../../../src-shared/contract';
import { gitError } from './git-error';

const errnoCodes: Record<string, LatheError['code']> = {
  ENOENT: 'NOT_FOUND',
  ENOTDIR: 'NOT_FOUND',
  EISDIR: 'UNSUPPORTED',
  EACCES: 'PERMISSION_DENIED',
  EPERM: 'PERMISSION_DENIED',
  EROFS: 'PERMISSION_DENIED',
  ENOSPC: 'UNAVAILABLE',
  EMFILE: 'UNAVAILABLE',
  EBUSY: 'CONFLICT',
  EEXIST: 'CONFLICT',
};

/** Rethrows a failure as a LatheError: file system errors get their code; anything else is a bug and stays as it is. */
export function asLatheError(error: unknown): never {
  if (error instanceof LatheError) throw error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string' && errnoCodes[code]) {
    throw gitError(errnoCodes[code], (error as Error).message);
  }
  throw error;
}
