// npm packages stay in node_modules (native addons, worker threads), except GitHub's Actions parsers:
// @actions/workflow-parser imports its JSON schema without an import attribute, which only a bundler accepts.
export const externalPackagesExceptActions = {
  name: 'external-packages-except-actions',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.kind === 'entry-point' || args.path.startsWith('@actions/')) return undefined;
      return { path: args.path, external: true };
    });
  },
};
