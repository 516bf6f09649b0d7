/** Creating the main window with the required security settings, and reading back its size and position. */
import { BrowserWindow, nativeTheme } from 'electron';
import { MIN_SIZE, type WindowState } from './window-state.ts';

/** What the window is created from. */
export interface MainWindowOptions {
  state: WindowState;
  /** Absolute path of the bundled preload (`out/electron/preload.cjs`). */
  preloadPath: string;
  /** Window icon on Linux and Windows; null when the file is not there (macOS uses the bundle's icon). */
  iconPath: string | null;
  title: string;
}

/**
 * A hidden main window; it shows itself once the first frame is ready. The web preferences are written out
 * here (not spread from elsewhere) so the static check in `window-security.test.ts` can read them.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const { state } = options;
  const window = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: options.title,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#17181c' : '#ffffff',
    ...(options.iconPath === null ? {} : { icon: options.iconPath }),
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  if (state.isMaximized) window.maximize();
  if (state.isFullScreen) window.setFullScreen(true);
  window.once('ready-to-show', () => window.show());
  return window;
}

/** The state to remember: the normal (unmaximized) bounds plus the maximized and full-screen flags. */
export function currentWindowState(window: BrowserWindow): WindowState {
  const bounds = window.getNormalBounds();
  return {
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    isMaximized: window.isMaximized(),
    isFullScreen: window.isFullScreen(),
  };
}
