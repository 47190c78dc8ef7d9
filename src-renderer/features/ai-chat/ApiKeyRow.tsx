import { useState } from 'react';
import type { AiProviderStatus } from '../../../src-shared/contract';
import { useAppStore } from '../../app/store';
import { host } from '../../platform/host';
import { refreshProviders } from './model-catalog';
import { reportError } from './report-error';
import { useChatStore } from './store';

/** The variable browser mode reads a secret from (OPENAI_API_KEY, ANTHROPIC_API_KEY, else LATHE_SECRET_<NAME>). */
function environmentVariable(keySecret: string): string {
  const aliases: Record<string, string> = { 'openai.apiKey': 'OPENAI_API_KEY', 'anthropic.apiKey': 'ANTHROPIC_API_KEY' };
  return aliases[keySecret] ?? `LATHE_SECRET_${keySecret.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}`;
}

/** A server that works without a key does not say whether one is set. */
function keyState(keySet: boolean | null): string {
  if (keySet === null) return 'optional';
  return keySet ? 'set' : 'not set';
}

/** Sets or removes a provider's API key through the secrets service; the key itself is never read back. */
export function ApiKeyRow({ provider, keySecret }: { provider: AiProviderStatus; keySecret: string }) {
  const [value, setValue] = useState('');
  const [saving, setSaving] = useState(false);
  const browserMode = useAppStore((state) => state.info?.shell === 'browser');
  const update = async (change: () => Promise<void>, what: string): Promise<void> => {
    setSaving(true);
    try {
      await change();
      setValue('');
      // The model list and the route depend on which keys are set.
      useChatStore.setState({ catalog: null });
      await refreshProviders();
    } catch (error) {
      reportError(what)(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className="ai-provider-key">
      <div className="ai-provider-field">
        <span className="ai-provider-field-name">API key</span>
        <span className={`chat-pill ${provider.keySet ? 'ok' : ''}`} data-testid="ai-provider-key-state">
          {keyState(provider.keySet)}
        </span>
      </div>
      <form
        className="ai-provider-key-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (value.trim() !== '') void update(() => host().secrets.set({ key: keySecret, value: value.trim() }), 'save the key');
        }}
      >
        <input
          className="ai-input"
          type="password"
          autoComplete="off"
          aria-label={`${provider.label} API key`}
          data-testid="ai-provider-key-input"
          placeholder={provider.keySet ? 'Enter a new key to replace it' : 'Paste the API key'}
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
        <button type="submit" className="button" disabled={saving || value.trim() === ''} data-testid="ai-provider-key-save">
          Save Key
        </button>
        {provider.keySet ? (
          <button type="button" className="button ai-button-secondary" disabled={saving} onClick={() => void update(() => host().secrets.delete({ key: keySecret }), 'remove the key')}>
            Remove
          </button>
        ) : null}
      </form>
      <p className="ai-provider-note">
        {browserMode
          ? `A key entered here lasts for this launch only (browser mode has no keychain); to keep one, start Lathe with ${environmentVariable(keySecret)} set.`
          : 'Kept encrypted by the operating system’s keychain, never in settings files.'}
      </p>
    </div>
  );
}
