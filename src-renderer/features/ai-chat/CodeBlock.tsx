import { useEffect, useState } from 'react';
import { Codicon } from '../../platform/ui/Codicon';
import { copyToClipboard, insertAtCursor, openInNewFile } from './code-actions';
import { useColorizedCode } from './use-colorized-code';

interface CodeBlockProps {
  language: string;
  code: string;
  complete: boolean;
}

/** A fenced block of an answer: Monaco's highlighting, and Copy, Insert at Cursor, Open in New File. */
export function CodeBlock({ language, code, complete }: CodeBlockProps) {
  const colorized = useColorizedCode(code, language, complete);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <div className="chat-code-block" data-testid="chat-code-block" data-language={language}>
      <div className="chat-code-header">
        <span className="chat-code-language">{language || 'text'}</span>
        <span className="chat-code-actions">
          <button
            type="button"
            className="icon-button"
            title={copied ? 'Copied' : 'Copy'}
            aria-label="Copy"
            data-testid="chat-code-copy"
            onClick={() => void copyToClipboard(code).then(setCopied)}
          >
            <Codicon name={copied ? 'check' : 'copy'} />
          </button>
          <button type="button" className="icon-button" title="Insert at Cursor" aria-label="Insert at Cursor" data-testid="chat-code-insert" onClick={() => insertAtCursor(code)}>
            <Codicon name="insert" />
          </button>
          <button
            type="button"
            className="icon-button"
            title="Open in New File"
            aria-label="Open in New File"
            data-testid="chat-code-new-file"
            onClick={() => void openInNewFile(code, colorized?.languageId)}
          >
            <Codicon name="new-file" />
          </button>
        </span>
      </div>
      <pre className="chat-code-body">
        {colorized ? (
          <code>
            {/* Monaco's token spans, sanitized in colorize.ts. */}
            <span dangerouslySetInnerHTML={{ __html: colorized.html }} />
            {colorized.rest}
          </code>
        ) : (
          <code>{code}</code>
        )}
      </pre>
    </div>
  );
}
