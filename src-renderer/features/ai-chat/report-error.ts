import { errorMessage } from '../../platform/errors';
import { notify } from '../notifications';

/** A rejection handler that tells the user what could not be done and why. */
export function reportError(what: string): (error: unknown) => void {
  return (error) => {
    notify({ severity: 'error', message: `Could not ${what}: ${errorMessage(error)}` });
  };
}
