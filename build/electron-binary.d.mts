/** Where the Electron binary is, or why there is none. */
export declare function findElectronBinary(): { path: string; reason?: undefined } | { path?: undefined; reason: string };
