/**
 * The preload: runs in the window's isolated world with a sandboxed, Node-less `require('electron')`.
 * It exposes only the named functions of `DesktopApi` as `window.backpropDesktop`, and forwards files
 * dropped on the window. Bundled to one CommonJS file (`out/electron/preload.cjs`), since a sandboxed
 * preload cannot load modules.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { SEND } from '../ipc-channels.ts';
import { createDesktopApi } from './desktop-api.ts';
import { installFileDrop } from './drop-files.ts';

contextBridge.exposeInMainWorld('backpropDesktop', createDesktopApi(ipcRenderer, process.platform));

installFileDrop(
  window,
  (file) => webUtils.getPathForFile(file),
  (path) => ipcRenderer.send(SEND.openDroppedFile, { path }),
  (callback) => setTimeout(callback, 0),
);
