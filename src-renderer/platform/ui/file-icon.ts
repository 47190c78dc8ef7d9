const iconByExtension: Record<string, string> = {
  md: 'markdown',
  markdown: 'markdown',
  txt: 'file',
  log: 'output',
  json: 'json',
  toml: 'json',
  yml: 'json',
  yaml: 'json',
  lock: 'lock',
  png: 'file-media',
  jpg: 'file-media',
  jpeg: 'file-media',
  gif: 'file-media',
  svg: 'file-media',
  webp: 'file-media',
  ico: 'file-media',
  pdf: 'file-pdf',
  zip: 'file-zip',
  gz: 'file-zip',
  tar: 'file-zip',
  sh: 'terminal',
  bash: 'terminal',
  ps1: 'terminal',
};

/** Codicons are monochrome; a handful of shapes is enough to tell file kinds apart at a glance. */
export function fileIcon(name: string): string {
  const lower = name.toLowerCase();
  if (lower.startsWith('.git')) return 'gear';
  const extension = lower.includes('.') ? lower.slice(lower.lastIndexOf('.') + 1) : '';
  return iconByExtension[extension] ?? 'file-code';
}
