import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeAiServer } from '../unit/helpers/fake-ai-server';
import { userDataDir } from './fixture';

/**
 * Starts the local OpenAI-compatible test server (one model, `fake-model`) and writes a profile whose
 * `settings.json` knows it as the provider `fake`, without retries, plus the given settings (routes first).
 */
export async function startFakeAiProfile(settings: Record<string, unknown>): Promise<FakeAiServer> {
  const server = await FakeAiServer.start();
  server.on('GET /v1/models', { kind: 'json', body: { object: 'list', data: [{ id: 'fake-model', object: 'model', created: 0, owned_by: 'test' }] } });
  mkdirSync(userDataDir, { recursive: true });
  writeFileSync(
    join(userDataDir, 'settings.json'),
    JSON.stringify({
      'ai.compatible.servers': [{ id: 'fake', preset: 'custom', baseUrl: `${server.url}/v1`, label: 'Test Server', contextWindow: 8192 }],
      'ai.request.maxRetries': 0,
      ...settings,
    }),
  );
  return server;
}
