/** Whether text still holds a conflict block as git writes it (`<<<<<<<`, `=======`, `>>>>>>>` at line starts). */
export function hasConflictMarkers(text: string): boolean {
  return /^<{7}(?: |$)/m.test(text) && /^={7}$/m.test(text) && /^>{7}(?: |$)/m.test(text);
}
