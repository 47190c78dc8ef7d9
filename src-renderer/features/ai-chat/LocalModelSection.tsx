import { useState } from 'react';
import type { AiLocalModelState } from '../../../src-shared/contract';
import { useSetting } from '../../app/store';
import { host } from '../../platform/host';
import { updateUserSetting } from '../settings';
import { bytes } from './format';
import { cancelModelDownload, chooseLocalModel, startModelDownload } from './model-download';
import { reportError } from './report-error';
import { useChatStore } from './store';

const stateWords: Record<AiLocalModelState['state'], string> = {
  unloaded: 'Not loaded (it loads on the next request)',
  loading: 'Loading…',
  loaded: 'Loaded',
  error: 'Failed to load',
};

function ModelDownloadForm() {
  const download = useChatStore((state) => state.download);
  const focusUrl = useChatStore((state) => state.focusModelDownload);
  const [url, setUrl] = useState('');
  const [sha256, setSha256] = useState('');
  if (download?.status === 'running') {
    const ratio = download.totalBytes ? download.receivedBytes / download.totalBytes : null;
    return (
      <div className="ai-download" data-testid="ai-download">
        <div className="ai-download-label">
          <span>
            {ratio === null ? bytes(download.receivedBytes) : `${bytes(download.receivedBytes)} of ${bytes(download.totalBytes ?? 0)} (${String(Math.floor(ratio * 100))}%)`}
            {download.resumed ? ' · continued from an earlier download' : ''}
          </span>
          <button type="button" className="button ai-button-secondary" onClick={cancelModelDownload}>
            Cancel
          </button>
        </div>
        <div className={`ai-progress${ratio === null ? ' indeterminate' : ''}`} role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={ratio === null ? undefined : Math.floor(ratio * 100)}>
          <div className="ai-progress-bar" style={ratio === null ? undefined : { width: `${String(ratio * 100)}%` }} />
        </div>
      </div>
    );
  }
  return (
    <>
      {download?.status === 'done' && download.path ? (
        <div className="ai-download-done">
          <span>
            Downloaded <code>{download.path}</code> ({bytes(download.receivedBytes)}).
          </span>
          <button type="button" className="button" onClick={() => void chooseLocalModel(download.path ?? '').catch(reportError('use the model'))}>
            Use This Model
          </button>
        </div>
      ) : null}
      {download?.status === 'failed' ? <p className="ai-provider-error">{download.error}</p> : null}
      <form
        className="ai-download-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (url.trim() !== '') startModelDownload(url.trim(), sha256.trim());
        }}
      >
        <input
          className="ai-input"
          type="url"
          aria-label="Model URL"
          placeholder="https://…/model.gguf"
          autoFocus={focusUrl}
          value={url}
          onChange={(event) => setUrl(event.target.value)}
        />
        <input className="ai-input ai-input-narrow" aria-label="Expected SHA-256" placeholder="SHA-256 (optional)" value={sha256} onChange={(event) => setSha256(event.target.value)} />
        <button type="submit" className="button" disabled={url.trim() === ''}>
          Download
        </button>
      </form>
    </>
  );
}

/** The embedded model: its file, whether it is loaded (and on what), unloading it, downloading another. */
export function LocalModelSection({ local }: { local: AiLocalModelState }) {
  const modelPath = useSetting('ai.local.modelPath');
  const [path, setPath] = useState(modelPath);
  return (
    <div className="ai-local">
      <div className="ai-provider-field">
        <span className="ai-provider-field-name">Model</span>
        <span className={`chat-pill local-${local.state}`} data-testid="ai-local-state">
          {stateWords[local.state]}
        </span>
        {local.state === 'loaded' ? (
          <span className="ai-provider-detail">
            {local.backend ?? 'cpu'} · {local.threads} thread{local.threads === 1 ? '' : 's'} · {local.contextSize} tokens of context
          </span>
        ) : null}
        <button
          type="button"
          className="button ai-button-secondary ai-push-right"
          disabled={local.state !== 'loaded' && local.state !== 'loading'}
          data-testid="ai-local-unload"
          onClick={() => void host().ai.unloadLocalModel().catch(reportError('unload the model'))}
        >
          Unload
        </button>
      </div>
      {local.error ? <p className="ai-provider-error">{local.error}</p> : null}
      <form
        className="ai-provider-key-form"
        onSubmit={(event) => {
          event.preventDefault();
          void updateUserSetting('ai.local.modelPath', path.trim()).catch(reportError('set the model file'));
        }}
      >
        <input className="ai-input" aria-label="GGUF model file" placeholder="/path/to/model.gguf" value={path} onChange={(event) => setPath(event.target.value)} />
        <button type="submit" className="button" disabled={path.trim() === modelPath}>
          Use File
        </button>
      </form>
      <h4 className="ai-subheading">Download a GGUF model</h4>
      <ModelDownloadForm />
    </div>
  );
}
