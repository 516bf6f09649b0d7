/** Which links leave the app for the system browser: parsed `https:` URLs without embedded credentials. */

/** The URL to open externally, or null when it must not be opened at all. */
export function externalHttpsUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null; // Unparseable: never handed to the OS.
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '' || parsed.hostname === '')
    return null;
  return parsed.href;
}
