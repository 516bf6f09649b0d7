/**
 * Where a save goes. Save dialogs carry the extension (filters and a default name with it), but a name typed
 * without one (Linux dialogs add none) gets it here, after the dialog's own overwrite check: when that lands
 * on an existing file, the user is asked again, naming the file that would be replaced.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_EXTENSION } from './project-files.ts';
import type { SaveKind } from './shell-port.ts';

const EXTENSIONS: Record<SaveKind, string> = {
  project: PROJECT_EXTENSION,
  model: '.json',
  predictions: '.csv',
  trials: '.csv',
  onnx: '.onnx',
  tfjs: '.json',
  pytorch: '.zip',
  report: '.html',
};

/** Adds the kind's extension when the user typed a name without it (Linux dialogs do not add it). */
export function withExtension(filePath: string, kind: SaveKind): string {
  const extension = EXTENSIONS[kind];
  return path.extname(filePath).toLowerCase() === extension ? filePath : `${filePath}${extension}`;
}

/** The file a save writes, and the question to ask first when the dialog did not ask about that file. */
export interface SaveTarget {
  target: string;
  /** Set when the extension was added and the file with it exists: confirm before replacing it. */
  replaceQuestion: { message: string; detail: string } | null;
}

/** True when something exists at `filePath` (a file, or a folder the write will then fail on). */
export async function pathExists(filePath: string): Promise<boolean> {
  try {
    await stat(filePath);
    return true;
  } catch {
    return false;
  }
}

/** The path a save dialog returned, turned into the file to write; `exists` checks the disk. */
export async function saveTarget(
  chosenPath: string,
  kind: SaveKind,
  exists: (filePath: string) => Promise<boolean> = pathExists,
): Promise<SaveTarget> {
  const target = withExtension(chosenPath, kind);
  if (target === chosenPath || !(await exists(target))) return { target, replaceQuestion: null };
  const name = path.basename(target);
  return {
    target,
    replaceQuestion: {
      message: `"${name}" already exists. Replace it?`,
      detail: `You typed "${path.basename(chosenPath)}"; the file is saved with its extension, as "${name}" in ${path.dirname(target)}. Replace it, or cancel and choose another name.`,
    },
  };
}
