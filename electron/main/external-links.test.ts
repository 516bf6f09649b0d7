import { describe, expect, test } from 'vitest';
import { externalHttpsUrl } from './external-links.ts';

describe('externalHttpsUrl', () => {
  test.each([
    ['https://example.org/docs?x=1#y', 'https://example.org/docs?x=1#y'],
    ['HTTPS://Example.org', 'https://example.org/'],
  ])('opens %s', (url, expected) => {
    expect(externalHttpsUrl(url)).toBe(expected);
  });

  test.each([
    'http://example.org/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://server/share',
    'ms-msdt:/id',
    'app://bundle/index.html',
    'https://user:pass@example.org/',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(externalHttpsUrl(url)).toBeNull();
  });
});
