/** IndexedDB autosave: the current project and its CSV bytes, so a reload or crash loses nothing. */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { parseProjectFile, type ProjectFile } from './project-file.ts';

/** What one autosave holds. */
export interface AutosaveRecord {
  savedAt: number;
  project: ProjectFile;
  /** The dataset's bytes, stored as a Blob (no copy into the project JSON). */
  csv: Blob | null;
}

/** As stored: the project as JSON text, which IndexedDB copies in one piece (a deep object clone of a long run history is slow). */
interface StoredRecord {
  savedAt: number;
  project: string;
  csv: Blob | null;
}

interface Schema extends DBSchema {
  autosave: { key: string; value: StoredRecord };
}

const DB_NAME = 'backprop-studio';
const KEY = 'current';

/** Reads and writes the autosave record. */
export class AutosaveStore {
  #db: Promise<IDBPDatabase<Schema>> | null = null;

  #open(): Promise<IDBPDatabase<Schema>> {
    this.#db ??= openDB<Schema>(DB_NAME, 1, {
      upgrade(db) { db.createObjectStore('autosave'); },
    });
    return this.#db;
  }

  /** Store the project (replacing the previous autosave). */
  async save(record: AutosaveRecord): Promise<void> {
    const db = await this.#open();
    await db.put('autosave', { savedAt: record.savedAt, project: JSON.stringify(record.project), csv: record.csv }, KEY);
  }

  /** The last autosave, or null; a damaged record is reported and ignored. */
  async load(): Promise<AutosaveRecord | null> {
    const db = await this.#open();
    const record = await db.get('autosave', KEY);
    if (!record) return null;
    return { ...record, project: parseProjectFile(record.project, 'The autosaved project') };
  }

  /** Forget the autosave (new project). */
  async clear(): Promise<void> {
    const db = await this.#open();
    await db.delete('autosave', KEY);
  }
}
