/**
 * The Open recent list: most recent first, no duplicates, at most `MAX_RECENT`, kept in `recent-files.json`.
 * Entries count as user-chosen paths (the user picked each once), so main may open them again.
 */
import path from 'node:path';
import { fileKind } from './project-files.ts';
import { readJsonFile, writeJsonFile } from './json-file.ts';

/** How many files Open recent lists. */
export const MAX_RECENT = 10;

function sameFile(a: string, b: string, platform: string): boolean {
  return platform === 'win32' || platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

function isUsablePath(value: unknown, platform: string): value is string {
  if (typeof value !== 'string' || value === '') return false;
  const flavour = platform === 'win32' ? path.win32 : path.posix;
  return flavour.isAbsolute(value) && fileKind(value) !== null;
}

/** Validates a stored list: keeps absolute paths of files the app opens, drops the rest and duplicates. */
export function parseRecentList(value: unknown, platform: string = process.platform): string[] {
  if (!Array.isArray(value)) return [];
  const list: string[] = [];
  for (const entry of value) {
    if (isUsablePath(entry, platform) && !list.some((known) => sameFile(known, entry, platform))) list.push(entry);
    if (list.length === MAX_RECENT) break;
  }
  return list;
}

/** The list with `filePath` moved (or added) to the front. */
export function withRecent(list: readonly string[], filePath: string, platform: string = process.platform): string[] {
  return [filePath, ...list.filter((known) => !sameFile(known, filePath, platform))].slice(0, MAX_RECENT);
}

/** The list without `filePath`. */
export function withoutRecent(
  list: readonly string[],
  filePath: string,
  platform: string = process.platform,
): string[] {
  return list.filter((known) => !sameFile(known, filePath, platform));
}

/** The recent-files list backed by a JSON file. Call `load` once at startup. */
export class RecentFiles {
  #list: string[] = [];
  readonly #file: string;
  readonly #platform: string;

  constructor(file: string, platform: string = process.platform) {
    this.#file = file;
    this.#platform = platform;
  }

  /** The paths, most recent first. */
  get list(): readonly string[] {
    return this.#list;
  }

  /** Reads the stored list; a missing or corrupt file gives an empty list. */
  async load(): Promise<readonly string[]> {
    const read = await readJsonFile(this.#file);
    // A corrupt list is not worth a dialog: it only costs the user their Open recent entries.
    this.#list = read.status === 'ok' ? parseRecentList(read.value, this.#platform) : [];
    return this.#list;
  }

  /** Moves a path to the front and stores the list. */
  async add(filePath: string): Promise<readonly string[]> {
    this.#list = withRecent(this.#list, filePath, this.#platform);
    await writeJsonFile(this.#file, this.#list);
    return this.#list;
  }

  /** Removes a path (it was moved or deleted) and stores the list. */
  async remove(filePath: string): Promise<readonly string[]> {
    this.#list = withoutRecent(this.#list, filePath, this.#platform);
    await writeJsonFile(this.#file, this.#list);
    return this.#list;
  }

  /** Empties the list. */
  async clear(): Promise<void> {
    this.#list = [];
    await writeJsonFile(this.#file, this.#list);
  }
}
