import { Splash } from './connection/Splash';
import { useAppStore } from './store';
import { Workbench } from './Workbench';

/** Chooses between the splash (connecting, or never connected) and the workbench. */
export function Root() {
  const connection = useAppStore((state) => state.connection);
  if (connection === 'connecting' || connection === 'failed') return <Splash failed={connection === 'failed'} />;
  return <Workbench />;
}
