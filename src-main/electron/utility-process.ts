import { utilityProcess } from 'electron';
import type { HelperProcessLauncher } from '../lib/helper-process';

/**
 * Starts a helper script (the pty host, the local model) as an Electron utility process. A packaged app cannot
 * `fork` itself as Node (the runAsNode fuse is off), and a utility process is what Electron offers
 * instead: its own process, crash-isolated, speaking to `process.parentPort`.
 */
export function utilityProcessLauncher(serviceName: string): HelperProcessLauncher {
  return (scriptPath) => {
    const child = utilityProcess.fork(scriptPath, [], { serviceName, stdio: 'inherit' });
    return {
      channel: {
        post: (message) => child.postMessage(message),
        on: (deliver) => void child.on('message', deliver),
      },
      onExit: (listener) => void child.once('exit', (code) => listener(code)),
      kill: () => void child.kill(),
    };
  };
}
