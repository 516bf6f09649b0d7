import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { useTempDirs } from './fixtures/temp-dir.ts';
import {
  DEFAULT_WINDOW_STATE,
  fitToDisplays,
  loadWindowState,
  MIN_SIZE,
  parseWindowState,
  saveWindowState,
  type Rect,
} from './window-state.ts';

const tempDir = useTempDirs();
const laptop: Rect = { x: 0, y: 0, width: 1440, height: 870 };
const rightMonitor: Rect = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('parseWindowState', () => {
  test('accepts a stored state and rounds it', () => {
    expect(
      parseWindowState({ x: 10.4, y: 20, width: 1000.6, height: 700, isMaximized: true, isFullScreen: false }),
    ).toEqual({ x: 10, y: 20, width: 1001, height: 700, isMaximized: true, isFullScreen: false });
  });

  test('drops a half-stored position and refuses nonsense sizes', () => {
    expect(parseWindowState({ x: 10, width: 1000, height: 700 })).toEqual({
      width: 1000,
      height: 700,
      isMaximized: false,
      isFullScreen: false,
    });
    expect(parseWindowState({ width: -5, height: 700 })).toBeNull();
    expect(parseWindowState({ width: Number.NaN, height: 700 })).toBeNull();
    expect(parseWindowState({ width: '1000', height: 700 })).toBeNull();
    expect(parseWindowState([1000, 700])).toBeNull();
  });
});

describe('fitToDisplays', () => {
  test('keeps a position that is still on a display', () => {
    const state = { x: 1600, y: 100, width: 1200, height: 800, isMaximized: false, isFullScreen: false };
    expect(fitToDisplays(state, [laptop, rightMonitor])).toEqual(state);
  });

  test('centres a window whose display was unplugged', () => {
    const state = { x: 1600, y: 100, width: 1200, height: 800, isMaximized: true, isFullScreen: false };
    expect(fitToDisplays(state, [laptop])).toEqual({
      width: 1200,
      height: 800,
      isMaximized: true,
      isFullScreen: false,
    });
  });

  test('shrinks to the largest display but not below the minimum size', () => {
    const huge = { width: 5000, height: 3000, isMaximized: false, isFullScreen: false };
    expect(fitToDisplays(huge, [laptop])).toMatchObject({ width: 1440, height: 870 });
    const tiny = { width: 100, height: 100, isMaximized: false, isFullScreen: false };
    expect(fitToDisplays(tiny, [laptop])).toMatchObject(MIN_SIZE);
  });

  test('centres a window whose title bar is off screen', () => {
    const state = { x: 100, y: -600, width: 1000, height: 700, isMaximized: false, isFullScreen: false };
    expect(fitToDisplays(state, [laptop]).x).toBeUndefined();
  });
});

describe('load and save', () => {
  test('round-trips through window-state.json', async () => {
    const file = path.join(await tempDir(), 'sub', 'window-state.json');
    const state = { x: 5, y: 6, width: 900, height: 650, isMaximized: false, isFullScreen: true };
    await saveWindowState(file, state);
    expect(await loadWindowState(file)).toEqual(state);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(state);
  });

  test('missing or damaged files give the default', async () => {
    const dir = await tempDir();
    expect(await loadWindowState(path.join(dir, 'none.json'))).toEqual(DEFAULT_WINDOW_STATE);
    await writeFile(path.join(dir, 'bad.json'), '{"width":');
    expect(await loadWindowState(path.join(dir, 'bad.json'))).toEqual(DEFAULT_WINDOW_STATE);
    await writeFile(path.join(dir, 'wrong.json'), '{"width":"wide"}');
    expect(await loadWindowState(path.join(dir, 'wrong.json'))).toEqual(DEFAULT_WINDOW_STATE);
  });
});
