import { describe, expect, test } from 'vitest';
import { devServerUrl } from './app-info.ts';
import { externalHttpsUrl } from './external-links.ts';
import { isPermissionAllowed } from './web-security.ts';

describe('externalHttpsUrl', () => {
  test.each([
    ['https://example.org/docs?x=1#y', 'https://example.org/docs?x=1#y'],
    ['HTTPS://Example.org', 'https://example.org/'],
  ])('opens %s', (url, expected) => {
    expect(externalHttpsUrl(url)).toBe(expected);
  });

  test.each([
    'http://example.org/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'ms-msdt:/id',
    'app://bundle/index.html', 'https://user:pass@example.org/', 'not a url', '',
  ])('refuses %s', (url) => {
    expect(externalHttpsUrl(url)).toBeNull();
  });
});

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

describe('permissions', () => {
  test('only clipboard writes and full screen', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write')).toBe(true);
    expect(isPermissionAllowed('fullscreen')).toBe(true);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'midi', 'hid', 'serial', 'usb']) {
      expect(isPermissionAllowed(permission)).toBe(false);
    }
  });
});
