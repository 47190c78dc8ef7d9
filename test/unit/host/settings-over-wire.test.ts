import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import { contract } from '../../../src-shared/contract';
import { createRpcClient } from '../../../src-shared/rpc/client';
import { channelPair } from '../helpers/channel-pair';
import { startTestHost } from '../helpers/test-host';

it('removes a user setting over the wire, where an undefined value is an absent key', async () => {
  const { host, userDataDir } = await startTestHost();
  onTestFinished(() => host.dispose());
  const pair = channelPair();
  host.router.connect(pair.host, 't');
  const { api } = createRpcClient(contract, pair.client);
  await api.settings.update({ key: 'editor.tabSize', value: 3, target: 'user' });
  await api.settings.update({ key: 'editor.tabSize', value: undefined, target: 'user' });
  expect(readFileSync(join(userDataDir, 'settings.json'), 'utf8')).not.toContain('tabSize');
});
