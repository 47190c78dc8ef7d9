import { toLatheErrorData } from '../../src-shared/contract';

/** A sentence to show the user for anything a host call rejected with. */
export function errorMessage(error: unknown): string {
  return toLatheErrorData(error).message;
}
