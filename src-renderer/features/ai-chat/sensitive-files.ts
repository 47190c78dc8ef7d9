import type { AiAttachment, AiAttachmentReport } from '../../../src-shared/contract';

/**
 * The files of a message that the host refused because they may hold secrets (the deny list or
 * `.lathe/ai-ignore`) and that were sent without the user's explicit allow. The report says why only
 * in words, so the reason is recognised by its wording.
 */
export function refusedSensitiveFiles(sent: readonly AiAttachment[], reports: readonly AiAttachmentReport[]): string[] {
  const unallowed = new Set(sent.flatMap((attachment) => (attachment.kind === 'file' && attachment.allowSensitive !== true ? [normalize(attachment.path)] : [])));
  return reports.flatMap((report) =>
    report.status === 'refused' && report.path !== null && unallowed.has(normalize(report.path)) && /secret/i.test(report.reason ?? '') ? [report.path] : [],
  );
}

/** The same attachments, with the given files explicitly allowed. */
export function allowSensitiveFiles(sent: readonly AiAttachment[], paths: readonly string[]): AiAttachment[] {
  const allowed = new Set(paths.map(normalize));
  return sent.map((attachment) => (attachment.kind === 'file' && allowed.has(normalize(attachment.path)) ? { ...attachment, allowSensitive: true } : attachment));
}

function normalize(path: string): string {
  return path.replace(/^\.\//, '').replace(/\/+$/, '');
}
