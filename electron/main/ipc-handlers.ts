/**
 * What each IPC request does, independent of Electron: every handler takes the raw `unknown` payload,
 * validates it, and works through the shell port and the stores. `ipc-register.ts` binds these to `ipcMain`
 * after checking the sender.
 */
import path from 'node:path';
import { INVOKE, SEND, type InvokeChannel, type SendChannel } from '../ipc-channels.ts';
import type { OpenedFile, SaveResult } from '../preload/api.ts';
import { writeFileAtomic } from './atomic-write.ts';
import type { ChosenPaths } from './chosen-paths.ts';
import type { DocumentActions } from './document-actions.ts';
import type { DocumentSession } from './document-session.ts';
import { describeFsError } from './fs-errors.ts';
import {
  parseAutosave,
  parseDocumentState,
  parseDroppedFile,
  parseExportModel,
  parseExportModelFiles,
  parseExportPredictions,
  parseExportReport,
  parseExportTrials,
  parseNoPayload,
  parseSaveProject,
} from './ipc-payloads.ts';
import { checkDroppedPath, PROJECT_EXTENSION, readOpenedFile, type OpenKind } from './project-files.ts';
import type { RecoveryStore } from './recovery-store.ts';
import { pathExists, saveTarget, withExtension } from './save-target.ts';
import type { SaveKind, ShellPort } from './shell-port.ts';

/** The window a request came from, and its document. */
export interface RequestContext<W> {
  window: W;
  session: DocumentSession;
}

/** Everything the handlers use. */
export interface HandlerDeps<W> {
  shell: ShellPort<W>;
  documents: DocumentActions<W>;
  chosen: ChosenPaths;
  recent: { add(filePath: string): Promise<unknown> };
  recovery: Pick<RecoveryStore, 'save' | 'clear' | 'take'>;
  /** Where save dialogs start when the project has no folder yet (the user's Documents folder). */
  defaultFolder: () => string;
}

/** Thrown when writing a file fails; the message is for the user. */
export class FileSaveError extends Error {
  /** Stable code for tests and logs. */
  readonly code = 'file/save';
  override readonly name = 'FileSaveError';
}

export { withExtension } from './save-target.ts';

async function writeChosen(target: string, text: string | Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(target, text);
  } catch (error) {
    throw new FileSaveError(describeFsError(error, 'save', target));
  }
}

/** The request handlers (`ipcMain.handle`), by channel. */
export function createInvokeHandlers<W>(
  deps: HandlerDeps<W>,
): Record<InvokeChannel, (payload: unknown, context: RequestContext<W>) => Promise<unknown>> {
  const { shell, chosen, recent, recovery } = deps;

  async function openChosen(
    kind: OpenKind,
    request: string,
    payload: unknown,
    context: RequestContext<W>,
  ): Promise<OpenedFile | null> {
    parseNoPayload(request, payload);
    const chosenPath = await shell.chooseFileToOpen(context.window, kind);
    if (chosenPath === null) return null;
    const file = await readOpenedFile(chosen.allow(chosenPath), kind === 'model' ? 'model' : null);
    // Open recent lists what opens as a document or dataset; a trials CSV is neither.
    if (kind !== 'trials') await recent.add(file.path);
    if (kind === 'project') {
      context.session.path = file.path;
      shell.documentChanged(context.window);
    }
    return { path: file.path, name: file.name, bytes: file.bytes };
  }

  /** The file to write for a dialog's answer; null when the user declined to replace the file the added extension names. */
  async function confirmedTarget(kind: SaveKind, chosenPath: string, window: W): Promise<string | null> {
    const { target, replaceQuestion } = await saveTarget(chosenPath, kind);
    if (replaceQuestion !== null && !(await shell.confirmReplace(window, replaceQuestion))) return null;
    return chosen.allow(target);
  }

  async function exportFile(
    kind: SaveKind,
    text: string,
    suggestedName: string,
    context: RequestContext<W>,
  ): Promise<SaveResult> {
    const folder = context.session.path === null ? deps.defaultFolder() : path.dirname(context.session.path);
    const chosenPath = await shell.chooseFileToSave(
      context.window,
      kind,
      path.join(folder, withExtension(suggestedName, kind)),
    );
    if (chosenPath === null) return null;
    const target = await confirmedTarget(kind, chosenPath, context.window);
    if (target === null) return null;
    await writeChosen(target, text);
    return { path: target };
  }

  return {
    [INVOKE.openCsv]: (payload, context) => openChosen('csv', 'Open CSV', payload, context),
    [INVOKE.openProject]: (payload, context) => openChosen('project', 'Open project', payload, context),
    [INVOKE.openModel]: (payload, context) => openChosen('model', 'Open model', payload, context),
    [INVOKE.openTrials]: (payload, context) => openChosen('trials', 'Open trials CSV', payload, context),

    [INVOKE.saveProject]: async (payload, context) => {
      const { json, saveAs } = parseSaveProject(payload);
      const { session, window } = context;
      const afterSave = session.afterSave;
      session.afterSave = null;
      let target: string;
      if (!saveAs && session.path !== null) {
        chosen.assertChosen(session.path, 'Save project');
        target = session.path;
      } else {
        const folder = session.path === null ? deps.defaultFolder() : path.dirname(session.path);
        const name =
          session.path === null
            ? `${session.title.trim() || 'Untitled'}${PROJECT_EXTENSION}`
            : path.basename(session.path);
        const chosenPath = await shell.chooseFileToSave(window, 'project', path.join(folder, name));
        if (chosenPath === null) return null;
        const confirmed = await confirmedTarget('project', chosenPath, window);
        if (confirmed === null) return null;
        target = confirmed;
      }
      await writeChosen(target, json);
      session.path = target;
      await recent.add(target);
      await recovery.clear();
      shell.documentChanged(window);
      afterSave?.();
      return { path: target } satisfies SaveResult;
    },

    [INVOKE.exportModel]: async (payload, context) => {
      const { text, suggestedName } = parseExportModel(payload);
      return exportFile('model', text, suggestedName, context);
    },
    [INVOKE.exportModelFiles]: async (payload, context) => {
      const { kind, files } = parseExportModelFiles(payload);
      const [first, ...companions] = files;
      const folder = context.session.path === null ? deps.defaultFolder() : path.dirname(context.session.path);
      const chosenPath = await shell.chooseFileToSave(
        context.window,
        kind,
        path.join(folder, withExtension(first!.name, kind)),
      );
      if (chosenPath === null) return null;
      const target = await confirmedTarget(kind, chosenPath, context.window);
      if (target === null) return null;
      // TF.js: model.json names its weights file, so that file goes next to it under its own name.
      const others = companions.map((f) => ({ ...f, path: chosen.allow(path.join(path.dirname(target), f.name)) }));
      for (const other of others) {
        if (
          (await pathExists(other.path)) &&
          !(await shell.confirmReplace(context.window, {
            message: `"${other.name}" already exists. Replace it?`,
            detail: `The TF.js model's weights are saved next to ${path.basename(target)}, as "${other.name}" in ${path.dirname(target)}. Replace it, or cancel and choose another folder.`,
          }))
        )
          return null;
      }
      await writeChosen(target, first!.bytes);
      for (const other of others) await writeChosen(other.path, other.bytes);
      return { path: target } satisfies SaveResult;
    },
    [INVOKE.exportPredictions]: async (payload, context) => {
      const { text, suggestedName } = parseExportPredictions(payload);
      return exportFile('predictions', text, suggestedName, context);
    },
    [INVOKE.exportTrials]: async (payload, context) => {
      const { text, suggestedName } = parseExportTrials(payload);
      return exportFile('trials', text, suggestedName, context);
    },
    [INVOKE.exportReport]: async (payload, context) => {
      const { text, suggestedName } = parseExportReport(payload);
      return exportFile('report', text, suggestedName, context);
    },

    [INVOKE.autosave]: async (payload) => {
      await recovery.save(parseAutosave(payload).json);
    },
    [INVOKE.takeRecovery]: async (payload) => {
      parseNoPayload('Take recovery', payload);
      return recovery.take();
    },
  };
}

/** The one-way message handlers (`ipcMain.on`), by channel. */
export function createSendHandlers<W>(
  deps: HandlerDeps<W>,
): Record<SendChannel, (payload: unknown, context: RequestContext<W>) => Promise<void>> {
  const { shell, documents, recovery } = deps;
  return {
    [SEND.setDocumentState]: async (payload, { window, session }) => {
      const { dirty, title } = parseDocumentState(payload);
      const wasDirty = session.dirty;
      session.dirty = dirty;
      session.title = title;
      shell.documentChanged(window);
      // Clean again (saved, reverted, or another project opened): the recovery copy is stale.
      if (wasDirty && !dirty) await recovery.clear();
    },
    [SEND.resetProjectPath]: async (payload, { window, session }) => {
      parseNoPayload('Reset project path', payload);
      session.path = null;
      shell.documentChanged(window);
    },
    [SEND.openDroppedFile]: async (payload, { window, session }) => {
      const filePath = checkDroppedPath(parseDroppedFile(payload).path);
      await documents.openFromOs(window, session, filePath);
    },
    [SEND.openFileReady]: async (payload, { window, session }) => {
      parseNoPayload('Open file ready', payload);
      session.markRendererReady((file) => documents.deliver(window, session, file));
    },
  };
}
