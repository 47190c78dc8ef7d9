import { contextBridge, ipcRenderer } from 'electron';
import { contract } from '../src-shared/contract';
import { createRpcClient } from '../src-shared/rpc/client';
import { electronRpcChannel as rpcChannel } from '../src-shared/rpc/wire';

const client = createRpcClient(contract, {
  post: (message) => ipcRenderer.send(rpcChannel, message),
  // Only the message crosses over; the IPC event (and its sender) never reaches the page.
  on: (deliver) => ipcRenderer.on(rpcChannel, (_event, message: unknown) => deliver(message)),
});

contextBridge.exposeInMainWorld('lathe', client.api);
