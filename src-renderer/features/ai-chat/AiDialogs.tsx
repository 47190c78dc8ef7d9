import { Dialog } from './Dialog';
import { closeAiDialog } from './dialogs';
import { ProvidersDialog } from './ProvidersDialog';
import { useChatStore } from './store';
import { UsageDialog } from './UsageDialog';
import './ai-common.css';
import './ai-dialogs.css';

/** Where "AI: Manage Providers" and "AI: Show Usage" open, over the whole workbench. */
export function AiDialogs() {
  const dialog = useChatStore((state) => state.dialog);
  if (dialog === 'providers') {
    return (
      <Dialog title="AI Providers" testId="ai-providers-dialog" onClose={closeAiDialog}>
        <ProvidersDialog />
      </Dialog>
    );
  }
  if (dialog === 'usage') {
    return (
      <Dialog title="AI Usage" testId="ai-usage-dialog" onClose={closeAiDialog}>
        <UsageDialog />
      </Dialog>
    );
  }
  return null;
}
