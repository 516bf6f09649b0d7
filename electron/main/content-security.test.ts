import { describe, expect, test } from 'vitest';
import * as webServer from '../../scripts/serve-static.mjs';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './content-security.ts';
import { contentTypeFor } from './mime-types.ts';

describe('content security policy', () => {
  test('allows WebAssembly compilation but never string evaluation', () => {
    const directives = CONTENT_SECURITY_POLICY.split('; ');
    expect(directives).toContain("default-src 'self'");
    expect(directives).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(directives).toContain("worker-src 'self' blob:");
    expect(directives).toContain("style-src 'self' 'unsafe-inline'");
    expect(directives).toContain("img-src 'self' data: blob:");
    expect(CONTENT_SECURITY_POLICY.replaceAll("'wasm-unsafe-eval'", '')).not.toMatch(/unsafe-eval/);
  });

  test('the web server sends exactly the desktop app’s headers and content types', () => {
    expect(webServer.CONTENT_SECURITY_POLICY).toBe(CONTENT_SECURITY_POLICY);
    expect(webServer.SECURITY_HEADERS).toEqual(SECURITY_HEADERS);
    for (const file of [
      'a.html',
      'a.js',
      'a.mjs',
      'a.css',
      'a.json',
      'a.wasm',
      'a.csv',
      'a.svg',
      'a.png',
      'a.woff2',
      'a.unknown',
    ]) {
      expect(webServer.contentTypeFor(file)).toBe(contentTypeFor(file));
    }
  });
});
