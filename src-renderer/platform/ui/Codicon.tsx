interface CodiconProps {
  name: string;
  className?: string;
  title?: string;
}

/** An icon from @vscode/codicons; decorative unless it carries a title. */
export function Codicon({ name, className, title }: CodiconProps) {
  const classes = `codicon codicon-${name}${className ? ` ${className}` : ''}`;
  return title ? <i className={classes} title={title} role="img" aria-label={title} /> : <i className={classes} aria-hidden="true" />;
}
