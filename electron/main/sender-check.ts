/**
 * Which frames may call main. Only the app's own top-level page may: its URL must have the app's origin.
 * Custom schemes have an opaque `URL.origin` ("null"), so origins here are `protocol//host` strings.
 */

/** The scheme and host the packaged renderer is served from (see app-protocol.ts). */
export const APP_SCHEME = 'app';
/** Host part of every app URL: `app://bundle/index.html`. */
export const APP_HOST = 'bundle';
/** Origin of the packaged renderer. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** `protocol//host` of a URL, or null when it does not parse. */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null; // Not a URL at all: the caller treats "no origin" as untrusted.
  }
  if (parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/** True when `url` belongs to one of the trusted origins (the app protocol, or the dev server in development). */
export function isTrustedUrl(url: string | undefined, trustedOrigins: readonly string[]): boolean {
  if (url === undefined || url === '') return false;
  const origin = originOf(url);
  return origin !== null && trustedOrigins.includes(origin);
}

/** The parts of Electron's `WebFrameMain` the check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/** Thrown when an IPC message comes from a frame that is not the app's own page. */
export class ForeignSenderError extends Error {
  /** Stable code for tests and logs. */
  readonly code = 'ipc/foreign-sender';
  override readonly name = 'ForeignSenderError';
}

/** Throws unless the frame is the app's own top-level page. */
export function assertTrustedSender(
  request: string,
  frame: SenderFrame | null,
  trustedOrigins: readonly string[],
): void {
  if (frame === null) {
    throw new ForeignSenderError(`${request}: refused, the sending frame is gone (it navigated or closed).`);
  }
  if (frame.parent !== null) {
    throw new ForeignSenderError(
      `${request}: refused, it came from an embedded frame (${frame.url}), not the app window.`,
    );
  }
  if (!isTrustedUrl(frame.url, trustedOrigins)) {
    throw new ForeignSenderError(
      `${request}: refused, it came from ${frame.url || 'an unknown page'}, not from ${trustedOrigins.join(' or ')}.`,
    );
  }
}
