export type WorkbenchTheme = 'dark' | 'light';

/** Switches every CSS variable of the workbench; the stylesheet keys its palettes on this attribute. */
export function applyWorkbenchTheme(theme: WorkbenchTheme): void {
  const root = document.documentElement;
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
}
