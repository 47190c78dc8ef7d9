import { LatheError, type ErrorCode, type GitErrorReason } from '../../../../src-shared/contract';
import { asLatheError } from '../fs-failure';
import { gitError } from '../git-error';

const byCode: Record<string, { code: ErrorCode; reason?: GitErrorReason }> = {
  NotFoundError: { code: 'NOT_FOUND' },
  CommitNotFetchedError: { code: 'NOT_FOUND' },
  NoCommitError: { code: 'NOT_FOUND', reason: 'emptyRepository' },
  AlreadyExistsError: { code: 'CONFLICT', reason: 'alreadyExists' },
  CheckoutConflictError: { code: 'CONFLICT', reason: 'dirtyWorktree' },
  IndexResetError: { code: 'CONFLICT', reason: 'dirtyWorktree' },
  MergeConflictError: { code: 'CONFLICT', reason: 'conflicts' },
  UnmergedPathsError: { code: 'CONFLICT', reason: 'unmerged' },
  EmptyCommitError: { code: 'CONFLICT', reason: 'nothingToCommit' },
  FastForwardError: { code: 'CONFLICT' },
  PushRejectedError: { code: 'CONFLICT', reason: 'pushRejected' },
  GitPushError: { code: 'CONFLICT', reason: 'pushRejected' },
  UserCanceledError: { code: 'PERMISSION_DENIED', reason: 'authentication' },
  MergeNotSupportedError: { code: 'UNSUPPORTED', reason: 'unsupported' },
  RemoteCapabilityError: { code: 'UNSUPPORTED', reason: 'unsupported' },
  UnknownTransportError: { code: 'UNSUPPORTED', reason: 'network' },
  UrlParseError: { code: 'INVALID_INPUT', reason: 'network' },
  SmartHttpError: { code: 'UNAVAILABLE', reason: 'network' },
  EmptyServerResponseError: { code: 'UNAVAILABLE', reason: 'network' },
  InvalidRefNameError: { code: 'INVALID_INPUT', reason: 'invalidName' },
  MissingNameError: { code: 'UNAVAILABLE', reason: 'identityUnknown' },
  InvalidFilepathError: { code: 'INVALID_INPUT' },
  UnsafeFilepathError: { code: 'INVALID_INPUT' },
  AmbiguousError: { code: 'INVALID_INPUT' },
  InvalidOidError: { code: 'INVALID_INPUT' },
  ObjectTypeError: { code: 'NOT_FOUND' },
};

const networkErrnos = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

interface IsomorphicGitError {
  code: string;
  message: string;
  data?: { statusCode?: number; filepaths?: string[] };
}

/** Turns what isomorphic-git (or the network under it) threw into a typed error with its message. */
export function classifyIsomorphicError(error: unknown, host?: string): never {
  if (error instanceof LatheError) throw error;
  const candidate = error as Partial<IsomorphicGitError> | null;
  const code = typeof candidate?.code === 'string' ? candidate.code : '';
  const message = `isomorphic-git: ${typeof candidate?.message === 'string' ? candidate.message : String(error)}`;
  const extra = host ? { host } : {};
  if (code === 'ABORT_ERR' || (error as Error | null)?.name === 'AbortError') throw new LatheError('CANCELLED', 'The operation was cancelled');
  if (code === 'HttpError') {
    const status = candidate?.data?.statusCode ?? 0;
    if (status === 401 || status === 403) throw gitError('PERMISSION_DENIED', message, 'authentication', extra);
    throw gitError('UNAVAILABLE', message, 'network');
  }
  if (code === 'InternalError' && /GitIndex|dircache|Index file/i.test(message)) throw gitError('UNAVAILABLE', message, 'corruptIndex');
  const known = byCode[code];
  if (known) {
    const paths = candidate?.data?.filepaths;
    throw gitError(known.code, message, known.reason, { ...(known.reason === 'authentication' ? extra : {}), ...(paths ? { paths } : {}) });
  }
  if (networkErrnos.has(code)) throw gitError('UNAVAILABLE', message, 'network');
  if (code.endsWith('Error')) throw gitError('UNAVAILABLE', message);
  return asLatheError(error);
}
