/** The host the app runs in: Electron when its preload API is present, the browser otherwise. */
import { browserPlatform } from './browser.ts';
import { desktopPlatform } from './desktop.ts';
import type { Platform } from './types.ts';

export type { Platform, PickedFile, MenuCommand } from './types.ts';

/** Pick the platform for this window. */
export function detectPlatform(): Platform {
  const api = typeof window !== 'undefined' ? window.backpropDesktop : undefined;
  return api ? desktopPlatform(api) : browserPlatform;
}
