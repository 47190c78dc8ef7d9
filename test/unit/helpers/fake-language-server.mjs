// A minimal language server for tests: answers `initialize` with no capabilities and writes what it
// was started with (arguments, folder, initialize parameters) to the file named by FAKE_LSP_RECORD.
import { writeFileSync } from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const connection = createMessageConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
connection.onRequest('initialize', (params) => {
  writeFileSync(process.env.FAKE_LSP_RECORD, JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd(), params }));
  return { capabilities: { hoverProvider: true, textDocumentSync: 2 } };
});
connection.onRequest('shutdown', () => null);
connection.onNotification('exit', () => process.exit(0));
connection.listen();
