/**
 * Hand-written validators for every IPC payload. Payloads arrive as `unknown`; each parser returns a typed
 * value or throws `IpcPayloadError` saying which field is wrong, what it got, and what it expects.
 */
import { errorMessage } from './error-message.ts';

/** Thrown when a renderer sends a payload of the wrong shape. Its message names the request and the field. */
export class IpcPayloadError extends Error {
  /** Stable code for tests and logs. */
  readonly code = 'ipc/bad-payload';
  override readonly name = 'IpcPayloadError';
}

/** The longest text a request may carry (project JSON with an embedded dataset can be large). */
export const MAX_TEXT_CHARS = 256 * 1024 * 1024;
/** The longest window title or suggested file name. */
export const MAX_NAME_CHARS = 200;

/** `saveProject(json, saveAs)`. */
export interface SaveProjectPayload {
  json: string;
  saveAs: boolean;
}
/** `exportModel(json, suggestedName)`, `exportPredictions(csv, suggestedName)` and `exportTrials(csv, suggestedName)`. */
export interface ExportPayload {
  text: string;
  suggestedName: string;
}
/** One file of `exportModelFiles`: a bare file name and its bytes. */
export interface ModelFilePayload {
  name: string;
  bytes: Uint8Array;
}
/** `exportModelFiles(files)`: an ONNX file, a TF.js `model.json` followed by the weights it names, or the PyTorch package's zip. */
export interface ModelFilesPayload {
  kind: 'onnx' | 'tfjs' | 'pytorch';
  files: ModelFilePayload[];
}
/** The largest exported model file (bytes). */
export const MAX_MODEL_BYTES = 1024 * 1024 * 1024;
/** `autosave(json)`. */
export interface AutosavePayload {
  json: string;
}
/** `setDocumentState({ dirty, title })`. */
export interface DocumentStatePayload {
  dirty: boolean;
  title: string;
}
/** A file the user dropped on the window; the preload reads its path from the OS. */
export interface DroppedFilePayload {
  path: string;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `${JSON.stringify(shown)} (string)`;
  }
  if (typeof value === 'object') return 'an object';
  return `${String(value)} (${typeof value})`;
}

function fields(request: string, value: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new IpcPayloadError(`${request}: expected an object with ${allowed.join(', ')}, got ${describe(value)}.`);
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) {
      throw new IpcPayloadError(`${request}: unexpected field '${key}'. Allowed fields: ${allowed.join(', ')}.`);
    }
  }
  return record;
}

function text(request: string, record: Record<string, unknown>, key: string, maxChars: number): string {
  const value = record[key];
  if (typeof value !== 'string') {
    throw new IpcPayloadError(`${request}: '${key}' must be a string, got ${describe(value)}.`);
  }
  if (value.length > maxChars) {
    throw new IpcPayloadError(`${request}: '${key}' is ${value.length} characters; the limit is ${maxChars}.`);
  }
  return value;
}

function flag(request: string, record: Record<string, unknown>, key: string): boolean {
  const value = record[key];
  if (typeof value !== 'boolean') {
    throw new IpcPayloadError(`${request}: '${key}' must be true or false, got ${describe(value)}.`);
  }
  return value;
}

function jsonObject(request: string, key: string, value: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (error) {
    const reason = errorMessage(error);
    throw new IpcPayloadError(`${request}: '${key}' is not valid JSON (${reason}). Nothing was written.`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new IpcPayloadError(
      `${request}: '${key}' must be a JSON object, got ${describe(parsed)}. Nothing was written.`,
    );
  }
  return value;
}

// Control characters are never part of a file name, and C0 ones break dialogs on every OS.
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

function fileName(request: string, record: Record<string, unknown>, key: string): string {
  const value = text(request, record, key, MAX_NAME_CHARS).trim();
  if (value === '' || value === '.' || value === '..') {
    throw new IpcPayloadError(`${request}: '${key}' must be a file name such as "model.json", got ${describe(value)}.`);
  }
  if (/[/\\]/.test(value) || CONTROL_CHARS.test(value)) {
    throw new IpcPayloadError(
      `${request}: '${key}' must be a file name without folders or control characters, got ${describe(value)}.`,
    );
  }
  return value;
}

/** Requests without arguments must carry nothing. */
export function parseNoPayload(request: string, value: unknown): void {
  if (value !== undefined) {
    throw new IpcPayloadError(`${request}: takes no arguments, got ${describe(value)}.`);
  }
}

/** Validates `saveProject`: the JSON must parse, so a broken project never replaces a good file. */
export function parseSaveProject(value: unknown): SaveProjectPayload {
  const request = 'Save project';
  const record = fields(request, value, ['json', 'saveAs']);
  const json = jsonObject(request, 'json', text(request, record, 'json', MAX_TEXT_CHARS));
  return { json, saveAs: flag(request, record, 'saveAs') };
}

/** Validates `exportModel`: model JSON plus a bare file name for the dialog. */
export function parseExportModel(value: unknown): ExportPayload {
  const request = 'Export model';
  const record = fields(request, value, ['json', 'suggestedName']);
  const json = jsonObject(request, 'json', text(request, record, 'json', MAX_TEXT_CHARS));
  return { text: json, suggestedName: fileName(request, record, 'suggestedName') };
}

function csvExport(request: string, value: unknown): ExportPayload {
  const record = fields(request, value, ['csv', 'suggestedName']);
  const csv = text(request, record, 'csv', MAX_TEXT_CHARS);
  return { text: csv, suggestedName: fileName(request, record, 'suggestedName') };
}

/** Validates `exportPredictions`: CSV text plus a bare file name for the dialog. */
export function parseExportPredictions(value: unknown): ExportPayload {
  return csvExport('Export predictions', value);
}

/** Validates `exportTrials`: the sweep's trial table as CSV text plus a bare file name for the dialog. */
export function parseExportTrials(value: unknown): ExportPayload {
  return csvExport('Export sweep trials', value);
}

/** Validates `exportReport`: the report's HTML text plus a bare file name for the dialog. */
export function parseExportReport(value: unknown): ExportPayload {
  const request = 'Export report';
  const record = fields(request, value, ['html', 'suggestedName']);
  return {
    text: text(request, record, 'html', MAX_TEXT_CHARS),
    suggestedName: fileName(request, record, 'suggestedName'),
  };
}

/** Validates `exportModelFiles`: 1 or 2 named files of bytes; an `.onnx` or `.zip` (PyTorch package) file alone, or `model.json` (TF.js) first. */
export function parseExportModelFiles(value: unknown): ModelFilesPayload {
  const request = 'Export model files';
  const record = fields(request, value, ['files']);
  const list = record.files;
  if (!Array.isArray(list) || list.length < 1 || list.length > 2) {
    throw new IpcPayloadError(
      `${request}: 'files' must be a list of 1 or 2 files, got ${Array.isArray(list) ? `${list.length} files` : describe(list)}.`,
    );
  }
  const files = list.map((item: unknown, i) => {
    const file = fields(`${request} (file ${i + 1})`, item, ['name', 'bytes']);
    const bytes = file.bytes;
    if (!(bytes instanceof Uint8Array)) {
      throw new IpcPayloadError(`${request} (file ${i + 1}): 'bytes' must be a Uint8Array, got ${describe(bytes)}.`);
    }
    if (bytes.byteLength > MAX_MODEL_BYTES) {
      throw new IpcPayloadError(
        `${request} (file ${i + 1}): 'bytes' is ${bytes.byteLength} bytes; the limit is ${MAX_MODEL_BYTES}.`,
      );
    }
    return { name: fileName(`${request} (file ${i + 1})`, file, 'name'), bytes };
  });
  const first = files[0]!.name.toLowerCase();
  const kind = first.endsWith('.onnx')
    ? 'onnx'
    : first.endsWith('.json')
      ? 'tfjs'
      : first.endsWith('.zip')
        ? 'pytorch'
        : null;
  if (kind === null || (kind !== 'tfjs' && files.length > 1) || (kind === 'tfjs' && files.length < 2)) {
    throw new IpcPayloadError(
      `${request}: expected one .onnx file, one .zip (PyTorch package), or a TF.js model.json followed by its weights file, got ${files.map((f) => `"${f.name}"`).join(', ')}.`,
    );
  }
  if (files.length === 2 && files[1]!.name.toLowerCase() === first) {
    throw new IpcPayloadError(`${request}: the weights file must have its own name, got "${files[1]!.name}" twice.`);
  }
  return { kind, files };
}

/** Validates `autosave`. */
export function parseAutosave(value: unknown): AutosavePayload {
  const request = 'Autosave';
  const record = fields(request, value, ['json']);
  return { json: jsonObject(request, 'json', text(request, record, 'json', MAX_TEXT_CHARS)) };
}

/** Validates `setDocumentState`. */
export function parseDocumentState(value: unknown): DocumentStatePayload {
  const request = 'Set document state';
  const record = fields(request, value, ['dirty', 'title']);
  const title = text(request, record, 'title', MAX_NAME_CHARS);
  if (CONTROL_CHARS.test(title)) {
    throw new IpcPayloadError(`${request}: 'title' must not contain control characters, got ${describe(title)}.`);
  }
  return { dirty: flag(request, record, 'dirty'), title };
}

/** Validates a dropped file's path: only its shape here; `checkDroppedPath` checks the file itself. */
export function parseDroppedFile(value: unknown): DroppedFilePayload {
  const request = 'Open dropped file';
  const record = fields(request, value, ['path']);
  const path = text(request, record, 'path', 4096);
  if (path === '' || CONTROL_CHARS.test(path)) {
    throw new IpcPayloadError(`${request}: 'path' must be a file path, got ${describe(path)}.`);
  }
  return { path };
}
