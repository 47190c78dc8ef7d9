import { host } from '../../platform/host';
import { notify } from '../notifications';
import { reportError } from './report-error';

export function clearResponseCache(): Promise<void> {
  return host()
    .ai.clearCache()
    .then(({ removed }) => notify({ severity: 'info', message: `Removed ${String(removed)} cached answer${removed === 1 ? '' : 's'}.` }), reportError('clear the response cache'))
    .then(() => undefined);
}
