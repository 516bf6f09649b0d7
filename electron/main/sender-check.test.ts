import { describe, expect, test } from 'vitest';
import { APP_ORIGIN, assertTrustedSender, ForeignSenderError, isTrustedUrl, originOf } from './sender-check.ts';

const trusted = [APP_ORIGIN, 'http://localhost:5173'];

describe('originOf', () => {
  test('custom schemes get protocol//host, not the opaque "null" of URL.origin', () => {
    expect(new URL('app://bundle/index.html').origin).toBe('null');
    expect(originOf('app://bundle/index.html')).toBe('app://bundle');
    expect(originOf('http://localhost:5173/src/main.ts')).toBe('http://localhost:5173');
  });

  test('no origin for junk or host-less URLs', () => {
    expect(originOf('not a url')).toBeNull();
    expect(originOf('file:///home/ana/evil.html')).toBeNull();
    expect(originOf('data:text/html,<script>')).toBeNull();
  });
});

describe('isTrustedUrl', () => {
  test.each([
    ['app://bundle/index.html', true],
    ['app://bundle/assets/worker.js', true],
    ['http://localhost:5173/', true],
    ['app://other/index.html', false],
    ['http://localhost:5174/', false],
    ['https://evil.example/index.html', false],
    ['https://bundle/', false],
    ['file:///work/dist/renderer/index.html', false],
    ['about:blank', false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(isTrustedUrl(url, trusted)).toBe(expected);
  });
});

describe('assertTrustedSender', () => {
  test('accepts the app page', () => {
    expect(() =>
      assertTrustedSender('Save project', { url: 'app://bundle/index.html', parent: null }, [APP_ORIGIN]),
    ).not.toThrow();
  });

  test('refuses a foreign page, naming it', () => {
    expect(() =>
      assertTrustedSender('Save project', { url: 'https://evil.example/', parent: null }, [APP_ORIGIN]),
    ).toThrow(
      new ForeignSenderError('Save project: refused, it came from https://evil.example/, not from app://bundle.'),
    );
  });

  test('refuses an embedded frame even on the app origin', () => {
    expect(() => assertTrustedSender('Autosave', { url: 'app://bundle/frame.html', parent: {} }, [APP_ORIGIN])).toThrow(
      'Autosave: refused, it came from an embedded frame (app://bundle/frame.html), not the app window.',
    );
  });

  test('refuses a frame that is gone', () => {
    expect(() => assertTrustedSender('Autosave', null, [APP_ORIGIN])).toThrow(
      'Autosave: refused, the sending frame is gone (it navigated or closed).',
    );
  });

  test('the dev server is trusted only when listed', () => {
    const frame = { url: 'http://localhost:5173/', parent: null };
    expect(() => assertTrustedSender('Open CSV', frame, [APP_ORIGIN])).toThrow(ForeignSenderError);
    expect(() => assertTrustedSender('Open CSV', frame, trusted)).not.toThrow();
  });
});
