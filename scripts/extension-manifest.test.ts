import { unzipSync } from 'fflate';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXTENSION_PERMISSIONS, extensionManifest } from './extension-manifest.mjs';
import { CONTENT_SECURITY_POLICY } from './web-policy.mjs';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('the extension manifest', () => {
  const manifest = extensionManifest('1.2.3');
  const csp = manifest.content_security_policy.extension_pages;

  it('is Manifest V3 with a module service worker and the package version', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.version).toBe('1.2.3');
    expect(manifest.background).toEqual({ service_worker: 'background.js', type: 'module' });
  });

  it('asks for exactly the documented permissions, and no host access', () => {
    expect(manifest.permissions).toEqual(['contextMenus', 'activeTab', 'scripting']);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest).not.toHaveProperty('optional_host_permissions');
    expect(manifest).not.toHaveProperty('content_scripts');
    // The README explains each one in its table.
    for (const permission of Object.keys(EXTENSION_PERMISSIONS)) expect(readme).toContain(`| \`${permission}\` |`);
  });

  it("allows 'wasm-unsafe-eval' and never 'unsafe-eval', with scripts and workers from the extension only", () => {
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toMatch(/'unsafe-eval'/);
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*(https?:|\*|blob:|data:)/);
    // Every directive of the web policy is kept, apart from the three the extension words its own way.
    const own = ['frame-ancestors', 'worker-src', 'connect-src'];
    for (const d of CONTENT_SECURITY_POLICY.split('; ').filter((x) => !own.some((o) => x.startsWith(`${o} `))))
      expect(csp).toContain(d);
  });

  it('isolates its pages (COOP/COEP), so the WebAssembly threads can share memory', () => {
    expect(manifest.cross_origin_opener_policy).toEqual({ value: 'same-origin' });
    expect(manifest.cross_origin_embedder_policy).toEqual({ value: 'require-corp' });
  });

  it('is what npm run build:extension wrote, when it has been run', () => {
    const built = new URL('../dist/extension/manifest.json', import.meta.url);
    if (!existsSync(built)) return;
    const version = (
      JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
    ).version;
    expect(JSON.parse(readFileSync(built, 'utf8'))).toEqual(extensionManifest(version));
    // The store zip holds the same manifest at its root, the studio page, both scripts, and no source maps.
    const zip = unzipSync(readFileSync(new URL(`../dist/backprop-studio-extension-${version}.zip`, import.meta.url)));
    expect(JSON.parse(new TextDecoder().decode(zip['manifest.json']))).toEqual(extensionManifest(version));
    for (const name of ['index.html', 'background.js', 'table-reader.js', 'icons/128.png'])
      expect(Object.keys(zip)).toContain(name);
    expect(Object.keys(zip).filter((n) => n.endsWith('.map'))).toEqual([]);
  });
});
