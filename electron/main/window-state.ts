/**
 * The main window's size and position, remembered across launches in `window-state.json`.
 * A stored position is used only while it still lies on a connected display.
 */
import { readJsonFile, writeJsonFile } from './json-file.ts';

/** A rectangle in screen coordinates. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is remembered. `x`/`y` are absent when the window should be centred. */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  isMaximized: boolean;
  isFullScreen: boolean;
}

/** Smallest window the layout works in. */
export const MIN_SIZE = { width: 800, height: 560 } as const;
/** First-launch size. */
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, isMaximized: false, isFullScreen: false };

function isFiniteInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 100_000;
}

/** Validates a stored state; null when it is not usable. */
export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  const { x, y, width, height, isMaximized, isFullScreen } = record;
  if (!isFiniteInt(width) || !isFiniteInt(height) || width <= 0 || height <= 0) return null;
  const state: WindowState = {
    width: Math.round(width),
    height: Math.round(height),
    isMaximized: isMaximized === true,
    isFullScreen: isFullScreen === true,
  };
  if (isFiniteInt(x) && isFiniteInt(y)) {
    state.x = Math.round(x);
    state.y = Math.round(y);
  }
  return state;
}

function overlap(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/**
 * Fits a state to the displays connected now: the size shrinks to the largest work area, and the position
 * is dropped (so the window is centred) unless a good part of the title bar area is visible on some display.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  if (workAreas.length === 0) return state;
  const maxWidth = Math.max(...workAreas.map((area) => area.width));
  const maxHeight = Math.max(...workAreas.map((area) => area.height));
  const fitted: WindowState = {
    width: Math.max(MIN_SIZE.width, Math.min(state.width, maxWidth)),
    height: Math.max(MIN_SIZE.height, Math.min(state.height, maxHeight)),
    isMaximized: state.isMaximized,
    isFullScreen: state.isFullScreen,
  };
  if (state.x === undefined || state.y === undefined) return fitted;
  // The top strip is what the user grabs to move the window; require enough of it on one display.
  const titleBar: Rect = { x: state.x, y: state.y, width: fitted.width, height: 40 };
  const visible = Math.max(...workAreas.map((area) => overlap(titleBar, area)));
  if (visible >= Math.min(fitted.width, 200) * 40) {
    fitted.x = state.x;
    fitted.y = state.y;
  }
  return fitted;
}

/** Reads the stored state, or the default when there is none or it is damaged. */
export async function loadWindowState(file: string): Promise<WindowState> {
  const read = await readJsonFile(file);
  // A damaged file only loses the window's last position: fall back quietly to the default.
  if (read.status !== 'ok') return { ...DEFAULT_WINDOW_STATE };
  return parseWindowState(read.value) ?? { ...DEFAULT_WINDOW_STATE };
}

/** Stores the state. */
export function saveWindowState(file: string, state: WindowState): Promise<void> {
  return writeJsonFile(file, state);
}
