/**
 * The headers every page of the app is served with: the content security policy, cross-origin isolation
 * (SharedArrayBuffer for WebAssembly threads), and no MIME sniffing. `scripts/serve-static.mjs` serves the
 * web build with the same values; a test keeps the two equal.
 */

/**
 * `'wasm-unsafe-eval'` lets the WebAssembly backend compile modules; `'unsafe-eval'` stays out, so nothing
 * can build code from strings (gpu.js's `cpu` mode would, which is why the engine has its own CPU backend).
 * Workers may start from `blob:` URLs; styles may be inline (Svelte transitions set them).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers for every response of the app's own origin. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
};
