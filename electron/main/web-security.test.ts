import type { WebContents } from 'electron';
import { describe, expect, test } from 'vitest';
import { fakeEvent } from './fixtures/fake-electron.ts';
import { hardenWebContents, isPermissionAllowed } from './web-security.ts';

type Listener = (...args: unknown[]) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on(name: string, listener: Listener) {
      listeners.set(name, listener);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
  };
  return {
    contents: contents as unknown as WebContents,
    emit: (name: string, ...args: unknown[]) => listeners.get(name)?.(...args),
    open: (url: string) => openHandler?.({ url }),
  };
}

describe('hardenWebContents', () => {
  test('every navigation is stopped; only https targets reach the system browser', () => {
    const { contents, emit } = fakeContents();
    const opened: string[] = [];
    hardenWebContents(contents, (url) => opened.push(url));
    for (const url of [
      'https://example.org/a',
      'http://example.org/b',
      'file:///home/ana/iris.csv',
      'app://bundle/other.html',
    ]) {
      const event = fakeEvent();
      emit('will-navigate', event, url);
      expect(event.defaultPrevented, url).toBe(true);
    }
    expect(opened).toEqual(['https://example.org/a']);
  });

  test('new windows are always denied', () => {
    const { contents, open } = fakeContents();
    const opened: string[] = [];
    hardenWebContents(contents, (url) => opened.push(url));
    expect(open('https://example.org/')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.org/']);
  });

  test('webviews cannot be attached', () => {
    const { contents, emit } = fakeContents();
    hardenWebContents(contents, () => undefined);
    const event = fakeEvent();
    emit('will-attach-webview', event);
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('isPermissionAllowed', () => {
  test('only clipboard writes and full screen', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write')).toBe(true);
    expect(isPermissionAllowed('fullscreen')).toBe(true);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'midi',
      'hid',
      'serial',
      'usb',
    ]) {
      expect(isPermissionAllowed(permission)).toBe(false);
    }
  });
});
