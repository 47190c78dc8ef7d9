import type { PipelineJob } from '../../../src-shared/contract';
import { useAppStore } from '../../app/store';
import { createTerminal, quoteForShell, sendText, showTerminalView } from '../terminal';

/** Opens a terminal where a paused job's failed step ran: its folder, or a shell inside its container. */
export async function openPauseTerminal(job: PipelineJob): Promise<void> {
  const pause = job.pause;
  if (!pause) return;
  await showTerminalView();
  const terminal = await createTerminal(pause.cwd === null ? {} : { cwd: pause.cwd });
  if (!terminal) return;
  const platform = useAppStore.getState().info?.platform ?? 'linux';
  // Which engine made the container is the host's business; `docker` also reaches Podman through its Docker API.
  if (pause.containerId) await sendText(terminal.id, `docker exec -it -w ${quoteForShell(pause.absoluteCwd, platform)} ${pause.containerId} sh\r`);
  else if (pause.cwd === null) await sendText(terminal.id, `cd ${quoteForShell(pause.absoluteCwd, platform)}\r`);
  terminal.focus();
}
