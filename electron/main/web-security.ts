/**
 * Guards for every web contents the app creates: no navigation away from the app, no new windows, no
 * <webview>, and only parsed `https:` links handed to the system browser. Permissions the app does not
 * need (camera, geolocation, notifications, …) are refused.
 */
import type { Session, WebContents } from 'electron';
import { externalHttpsUrl } from './external-links.ts';

/** Permissions the renderer may use: copying results to the clipboard, and going full screen. */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'fullscreen']);

/** True when a permission request may be granted. */
export function isPermissionAllowed(permission: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission);
}

/** Denies navigation, new windows and webviews on `contents`; https links go to `openExternal`. */
export function hardenWebContents(contents: WebContents, openExternal: (url: string) => void): void {
  const openIfHttps = (url: string): void => {
    const external = externalHttpsUrl(url);
    if (external !== null) openExternal(external);
  };
  // Dropping a file on a window whose page does not handle the drop would navigate to file://; this stops it too.
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openIfHttps(url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openIfHttps(url);
    return { action: 'deny' };
  });
}

/** Refuses every permission except `ALLOWED_PERMISSIONS`, for requests and for checks. */
export function restrictPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)));
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
}
