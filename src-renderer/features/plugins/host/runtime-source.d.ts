/** The plugin runtime, bundled as one script by build/plugin-host-assets.mjs. */
declare module 'virtual:lathe-plugin-runtime' {
  const source: string;
  export default source;
}
