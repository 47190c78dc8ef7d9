import type { AiLocalModelState, AiModelRef } from '../../../src-shared/contract';
import { Codicon } from '../../platform/ui/Codicon';
import { showAiDialog } from './dialogs';
import { failureWords } from './failure-words';
import { compactCount } from './format';
import { groupModels, pickModel, providerLabelFrom, refreshModels, refreshProviders, sameModel } from './model-catalog';
import { reportError } from './report-error';
import { useChatStore } from './store';
import { usePopover } from './use-popover';

const localStateWords: Record<AiLocalModelState['state'], string> = {
  unloaded: 'not loaded',
  loading: 'loading…',
  loaded: 'loaded',
  error: 'failed to load',
};

interface ModelOptionProps {
  model: AiModelRef | null;
  label: string;
  detail: string;
  current: boolean;
  onPicked(): void;
}

function ModelOption({ model, label, detail, current, onPicked }: ModelOptionProps) {
  return (
    <button
      type="button"
      role="menuitemradio"
      aria-checked={current}
      className={`chat-menu-item${current ? ' current' : ''}`}
      data-testid="chat-model-option"
      data-provider={model?.provider ?? ''}
      data-model={model?.model ?? ''}
      onClick={() => {
        pickModel(model);
        onPicked();
      }}
    >
      <Codicon name={current ? 'check' : 'blank'} />
      <span className="chat-menu-label">{label}</span>
      <span className="chat-menu-detail">{detail}</span>
    </button>
  );
}

/** The composer's model choice: Auto (the chat route from settings) or one model, grouped by provider. */
export function ModelPicker() {
  const { open, setOpen, container } = usePopover<HTMLDivElement>();
  const model = useChatStore((state) => state.model);
  const catalog = useChatStore((state) => state.catalog);
  const providers = useChatStore((state) => state.providers);
  const label = providerLabelFrom(providers);
  const toggle = (): void => {
    if (!open) {
      // Servers are asked for their models each time the menu opens (the host caches them briefly).
      Promise.all([refreshModels(), refreshProviders()]).catch(reportError('list the models'));
    }
    setOpen(!open);
  };
  const close = (): void => setOpen(false);
  const groups = catalog ? groupModels(catalog, providers) : [];
  return (
    <div ref={container} className="chat-popover-anchor">
      <button
        type="button"
        className="chat-toolbar-button"
        title={model ? `${model.model ?? 'default model'} (${label(model.provider)}); click to pick another` : 'Auto: the chat route from settings; click to pick a model'}
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid="chat-model-picker"
        onClick={toggle}
      >
        <span className="chat-toolbar-label">{model ? (model.model ?? label(model.provider)) : 'Auto'}</span>
        <Codicon name="chevron-down" />
      </button>
      {open ? (
        <div className="chat-menu" role="menu" aria-label="Model" data-testid="chat-model-menu">
          <ModelOption model={null} label="Auto" detail="chat route from settings" current={model === null} onPicked={close} />
          {!catalog ? (
            <div className="chat-menu-note">
              <Codicon name="loading" className="codicon-modifier-spin" /> Asking the providers for their models…
            </div>
          ) : null}
          {groups.map((group) => (
            <div key={group.providerId} role="group" aria-label={group.label} className="chat-menu-group">
              <div className="chat-menu-heading">
                <span>{group.label}</span>
                {group.local ? <span className={`chat-pill local-${group.local.state}`}>{localStateWords[group.local.state]}</span> : null}
                {group.failure ? (
                  <span className="chat-menu-failure" title={group.failure.message}>
                    {failureWords[group.failure.code]}
                  </span>
                ) : null}
              </div>
              {group.models.map((info) => {
                const ref = { provider: info.provider, model: info.model };
                return (
                  <ModelOption
                    key={info.model}
                    model={ref}
                    label={info.label}
                    detail={info.contextWindow ? `${compactCount(info.contextWindow)} context` : ''}
                    current={sameModel(model, ref)}
                    onPicked={close}
                  />
                );
              })}
            </div>
          ))}
          <div className="chat-menu-separator" role="separator" />
          <button
            type="button"
            role="menuitem"
            className="chat-menu-item"
            onClick={() => {
              close();
              showAiDialog('providers');
            }}
          >
            <Codicon name="settings-gear" />
            <span className="chat-menu-label">Manage Providers…</span>
          </button>
        </div>
      ) : null}
    </div>
  );
}
