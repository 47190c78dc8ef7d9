/** The keyboard the user types on is the client's, which in browser mode may not be the host's OS. */
export const isMac = /Mac|iPhone|iPad/.test(navigator.userAgent);
