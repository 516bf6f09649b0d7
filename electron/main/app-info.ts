/** Names and addresses shown by the shell. */

/** The product name (window titles, dialogs, the macOS app menu). */
export const APP_NAME = 'Backprop Studio';

/** Same as `appId` in electron-builder.yml. */
export const APP_ID = 'studio.backprop.app';

/**
 * Help ▸ Documentation opens this in the system browser.
 * TODO(#6): replace with the published documentation address once the project has one.
 */
export const DOCUMENTATION_URL = 'https://github.com/backprop-studio/backprop-studio#readme';

/** Development-only override of the renderer location (Vite dev server); ignored in packaged builds. */
export const DEV_SERVER_ENV = 'VITE_DEV_SERVER_URL';

/** Development-only override of the app-data folder, so tests start from a clean slate. */
export const USER_DATA_ENV = 'BACKPROP_STUDIO_USER_DATA';

/** The dev server URL when it is a local http(s) address; null otherwise (packaged builds never use it). */
export function devServerUrl(value: string | undefined, isPackaged: boolean): string | null {
  if (isPackaged || value === undefined || value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null; // Not a URL: the app falls back to its built renderer.
  }
  const isLocal = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  return isLocal && (url.protocol === 'http:' || url.protocol === 'https:') ? url.href : null;
}
