/**
 * The browser extension's Manifest V3, built from the same web policy as the desktop app and the web build
 * (scripts/web-policy.mjs): one CSP, with `'wasm-unsafe-eval'` and never `'unsafe-eval'`.
 */
import { CONTENT_SECURITY_POLICY } from './web-policy.mjs';

/**
 * What each permission is for; the README's table says the same. Host access is `activeTab` only: a page is
 * readable by the extension after the user picks one of its menu items there, and only that tab, until it
 * navigates.
 */
export const EXTENSION_PERMISSIONS = Object.freeze({
  contextMenus: 'the two menu items: "Open this table in Backprop Studio" and "Open CSV in Backprop Studio"',
  activeTab: 'read the page (its table, or the CSV its link points to) only after the user clicks a menu item there',
  scripting: 'run the table reader in that page, once, on that click',
});

/**
 * The extension pages' CSP: the web policy, except `frame-ancestors` (ignored outside HTTP headers),
 * `worker-src`, which Manifest V3 holds to `'self'` like `script-src` (the engine worker is a file of the
 * extension, never a blob), and `connect-src`: the background worker fetches the CSV link the user picked,
 * on any http(s) site (the policy covers the service worker too; scripts still come from the extension only).
 */
export function extensionContentSecurityPolicy() {
  const directives = CONTENT_SECURITY_POLICY.split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '');
  return [
    ...directives
      .filter((d) => !d.startsWith('frame-ancestors ') && !d.startsWith('connect-src '))
      .map((d) => (d.startsWith('worker-src ') ? "worker-src 'self'" : d)),
    "connect-src 'self' https: http:",
  ].join('; ');
}

/** The manifest for `version` (the package's, `x.y.z`). */
export function extensionManifest(version) {
  return {
    manifest_version: 3,
    name: 'Backprop Studio',
    short_name: 'Backprop Studio',
    version,
    description: 'Build, train and export neural networks on the tables and CSV files you find on the web.',
    minimum_chrome_version: '116',
    action: {
      default_title: 'Open Backprop Studio',
      default_icon: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png' },
    },
    icons: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' },
    background: { service_worker: 'background.js', type: 'module' },
    permissions: Object.keys(EXTENSION_PERMISSIONS),
    content_security_policy: { extension_pages: extensionContentSecurityPolicy() },
    cross_origin_opener_policy: { value: 'same-origin' },
    cross_origin_embedder_policy: { value: 'require-corp' },
  };
}
