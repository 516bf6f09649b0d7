/**
 * When a window's page crashes or hangs: keep the last autosave and offer to reload (or close, or wait).
 */
import { dialog, type BrowserWindow } from 'electron';
import { APP_NAME } from './app-info.ts';
import type { DocumentSession } from './document-session.ts';
import { errorMessage } from './error-message.ts';
import type { RecoveryStore } from './recovery-store.ts';

/** Offers a reload when the window's renderer crashes or stops responding. */
export function watchRendererHealth(window: BrowserWindow, session: DocumentSession, recovery: RecoveryStore): void {
  const contents = window.webContents;
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    session.markRendererGone();
    void offerReload(
      window,
      session,
      recovery,
      'crashed',
      `stopped (${details.reason}, exit code ${details.exitCode})`,
    );
  });
  contents.on('unresponsive', () => {
    void offerReload(window, session, recovery, 'hung', 'is not responding');
  });
}

/** Keeps the last autosave for the reloaded page (it asks `takeRecovery`); a failure must not block the offer. */
async function keepAutosave(recovery: RecoveryStore): Promise<boolean> {
  return recovery.markCrashed().catch((error: unknown) => {
    console.error(`Could not keep the recovery copy: ${errorMessage(error)}`);
    return false;
  });
}

async function offerReload(
  window: BrowserWindow,
  session: DocumentSession,
  recovery: RecoveryStore,
  state: 'crashed' | 'hung',
  what: string,
): Promise<void> {
  const kept = state === 'crashed' ? await keepAutosave(recovery) : true;
  if (window.isDestroyed()) return;
  const buttons = state === 'crashed' ? ['Reload', 'Close window'] : ['Reload', 'Wait'];
  const { response } = await dialog.showMessageBox(window, {
    type: state === 'crashed' ? 'error' : 'warning',
    message: `The ${APP_NAME} window ${what}.`,
    detail: kept
      ? 'Your project is autosaved. Reload to continue from the last autosave.'
      : 'Reload the window to continue. Changes since your last save may be lost.',
    buttons,
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  if (window.isDestroyed()) return;
  if (response === 0) {
    if (state === 'hung') await keepAutosave(recovery);
    session.markRendererGone();
    window.webContents.reload();
    return;
  }
  if (state === 'hung') return;
  session.closeApproved = true;
  window.close();
}
