/** Replaces secret values with `***` wherever they appear in log text (configured secrets and `::add-mask::`). */
export class SecretMasker {
  private readonly values = new Set<string>();
  private pattern: RegExp | undefined;

  add(value: string): void {
    // A multi-line secret is masked line by line, as output arrives one line at a time.
    for (const part of value.split(/\r?\n/)) {
      const trimmed = part.trim();
      if (trimmed === '' || this.values.has(trimmed)) continue;
      this.values.add(trimmed);
      this.pattern = undefined;
    }
  }

  mask(text: string): string {
    if (this.values.size === 0) return text;
    this.pattern ??= new RegExp(
      [...this.values]
        .sort((a, b) => b.length - a.length)
        .map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('|'),
      'g',
    );
    return text.replace(this.pattern, '***');
  }
}
