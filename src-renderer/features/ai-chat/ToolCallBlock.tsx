import type { AiToolCall } from '../../../src-shared/contract';
import { Codicon } from '../../platform/ui/Codicon';
import { useChatStore, type ToolRun } from './store';
import { answerToolConsent } from './tool-calls';

const stateWords: Record<ToolRun['state'], string> = {
  asking: 'Allow this call?',
  running: 'Running…',
  done: 'Done',
  denied: 'Denied',
  failed: 'Failed',
};

/** The arguments as the model wrote them, indented when they are JSON. */
function shownArguments(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** A tool the model asked to run: whose it is, with which arguments, the user's say over it, and what it answered. */
export function ToolCallBlock({ call }: { call: AiToolCall }) {
  const run = useChatStore((state) => state.toolRuns[call.id]);
  // After a reload the session's runs are gone; the stored result still tells what the model was sent.
  const storedResult = useChatStore((state) => state.messages.find((message) => message.role === 'tool' && message.toolCallId === call.id)?.content);
  const result = run?.result ?? storedResult;
  return (
    <div className={`chat-tool-call state-${run?.state ?? 'stored'}`} data-testid="chat-tool-call" data-state={run?.state ?? 'stored'} data-call-id={call.id}>
      <div className="chat-tool-call-header">
        <Codicon name="tools" />
        <span className="chat-tool-call-title">
          {run ? (
            <>
              <strong>{run.pluginName}</strong> wants to run <code>{run.toolName}</code>
            </>
          ) : (
            <>
              Asked to run <code>{call.name}</code>
            </>
          )}
        </span>
        {run ? <span className="chat-tool-call-state">{stateWords[run.state]}</span> : null}
      </div>
      <pre className="chat-tool-call-arguments" data-testid="chat-tool-call-arguments">
        {shownArguments(call.arguments)}
      </pre>
      {run?.state === 'asking' ? (
        <div className="chat-error-actions">
          <button type="button" className="button" data-testid="chat-tool-allow" onClick={() => answerToolConsent(call.id, 'once')}>
            Allow Once
          </button>
          <button type="button" className="button ai-button-secondary" data-testid="chat-tool-always" onClick={() => answerToolConsent(call.id, 'always')}>
            Always Allow {run.toolName}
          </button>
          <button type="button" className="button ai-button-secondary" data-testid="chat-tool-deny" onClick={() => answerToolConsent(call.id, 'deny')}>
            Deny
          </button>
        </div>
      ) : null}
      {result === undefined ? null : (
        <pre className="chat-tool-call-result" data-testid="chat-tool-call-result">
          {result}
        </pre>
      )}
    </div>
  );
}
