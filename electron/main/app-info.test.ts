import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { APP_ID, DOCUMENTATION_URL, devServerUrl } from './app-info.ts';
import { externalHttpsUrl } from './external-links.ts';

describe('devServerUrl', () => {
  test('only local http(s) URLs, and never in packaged builds', () => {
    expect(devServerUrl('http://localhost:5173', false)).toBe('http://localhost:5173/');
    expect(devServerUrl('http://127.0.0.1:5173/', false)).toBe('http://127.0.0.1:5173/');
    expect(devServerUrl('http://localhost:5173', true)).toBeNull();
    expect(devServerUrl('https://evil.example/', false)).toBeNull();
    expect(devServerUrl('file:///tmp/index.html', false)).toBeNull();
    expect(devServerUrl(undefined, false)).toBeNull();
  });
});

describe('app identity', () => {
  test('the app id matches appId in electron-builder.yml', async () => {
    const config = await readFile(new URL('../../electron-builder.yml', import.meta.url), 'utf8');
    expect(config).toMatch(new RegExp(`^appId: ${APP_ID.replaceAll('.', '\\.')}$`, 'm'));
  });

  test('the documentation link is one the shell will open', () => {
    expect(externalHttpsUrl(DOCUMENTATION_URL)).toBe(DOCUMENTATION_URL);
  });
});
