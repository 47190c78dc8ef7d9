interface HighlightedLabelProps {
  text: string;
  positions: readonly number[];
}

/** Renders text with the characters at `positions` emphasized, grouping neighbours into one span. */
export function HighlightedLabel({ text, positions }: HighlightedLabelProps) {
  const marked = new Set(positions);
  const pieces: { text: string; highlight: boolean }[] = [];
  for (let index = 0; index < text.length; index++) {
    const highlight = marked.has(index);
    const last = pieces[pieces.length - 1];
    if (last && last.highlight === highlight) last.text += text.charAt(index);
    else pieces.push({ text: text.charAt(index), highlight });
  }
  return (
    <span className="highlighted-label">
      {pieces.map((piece, index) =>
        piece.highlight ? (
          <span key={index} className="highlight">
            {piece.text}
          </span>
        ) : (
          piece.text
        ),
      )}
    </span>
  );
}
