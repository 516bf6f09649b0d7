/** Small JSON files in the app-data folder (window state, recent files), read as `unknown` and written atomically. */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';
import { errorMessage } from './error-message.ts';

/** What reading a settings file found. A corrupt file is reported, not thrown: settings fall back to defaults. */
export type JsonFileRead =
  { status: 'ok'; value: unknown } | { status: 'missing' } | { status: 'corrupt'; reason: string };

/** Reads and parses a JSON settings file. */
export async function readJsonFile(filePath: string): Promise<JsonFileRead> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT')
      return { status: 'missing' };
    throw error;
  }
  try {
    return { status: 'ok', value: JSON.parse(text) };
  } catch (error) {
    return { status: 'corrupt', reason: errorMessage(error) };
  }
}

/** Writes a JSON settings file atomically, creating its folder. */
export async function writeJsonFile(filePath: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(filePath), { recursive: true });
  await writeFileAtomic(filePath, `${JSON.stringify(value, null, 2)}\n`);
}
