import { describe, expect, it } from 'vitest';
import type { AiAttachment, AiAttachmentReport } from '../../../../src-shared/contract';
import { allowSensitiveFiles, refusedSensitiveFiles } from '../../../../src-renderer/features/ai-chat/sensitive-files';

const report = (path: string, status: AiAttachmentReport['status'], reason?: string): AiAttachmentReport => ({
  label: path,
  path,
  status,
  redactions: 0,
  tokens: 0,
  ...(reason ? { reason } : {}),
});
const secretReason = 'The file may hold secrets (deny list or .lathe/ai-ignore); allow it explicitly to send it';

describe('files held back as possibly secret', () => {
  it('are the refused files the user did not allow yet', () => {
    const sent: AiAttachment[] = [
      { kind: 'file', path: './.env' },
      { kind: 'file', path: 'id_rsa', allowSensitive: true },
      { kind: 'file', path: 'big.bin' },
      { kind: 'file', path: 'src/main.rs' },
    ];
    const reports = [report('.env', 'refused', secretReason), report('id_rsa', 'refused', secretReason), report('big.bin', 'refused', 'The file is binary'), report('src/main.rs', 'attached')];
    expect(refusedSensitiveFiles(sent, reports)).toEqual(['.env']);
  });

  it('are sent again with the explicit allow, the other attachments unchanged', () => {
    const sent: AiAttachment[] = [
      { kind: 'file', path: '.env' },
      { kind: 'folder', path: 'src' },
      { kind: 'text', label: 'sel', text: 'x' },
    ];
    expect(allowSensitiveFiles(sent, ['.env'])).toEqual([{ kind: 'file', path: '.env', allowSensitive: true }, { kind: 'folder', path: 'src' }, { kind: 'text', label: 'sel', text: 'x' }]);
  });
});
