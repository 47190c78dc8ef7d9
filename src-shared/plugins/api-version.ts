/**
 * The version of the plugin API this build of Lathe offers (semver). A plugin whose `engines.lathe`
 * range it does not satisfy is refused. Bump the minor version when members are added, the major when
 * one changes or goes.
 */
export const LATHE_API_VERSION = '1.0.0';
