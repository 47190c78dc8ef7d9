/** What a ref name in the log is: the checked-out branch, another local branch, a remote branch or a tag. */
export type RefKind = 'head' | 'branch' | 'remote' | 'tag';

export interface RefBadge {
  label: string;
  kind: RefKind;
}

/** Reads the log's ref names (`HEAD -> main`, `origin/main`, `tag: v1`); a remote's HEAD alias is left out. */
export function parseRefs(refs: readonly string[], remotes: readonly string[]): RefBadge[] {
  return refs.flatMap((ref): RefBadge[] => {
    if (ref.startsWith('HEAD -> ')) return [{ label: ref.slice('HEAD -> '.length), kind: 'head' }];
    if (ref === 'HEAD') return [{ label: 'HEAD', kind: 'head' }];
    if (ref.startsWith('tag: ')) return [{ label: ref.slice('tag: '.length), kind: 'tag' }];
    const remote = remotes.find((name) => ref.startsWith(`${name}/`));
    if (remote) return ref === `${remote}/HEAD` ? [] : [{ label: ref, kind: 'remote' }];
    return [{ label: ref, kind: 'branch' }];
  });
}
