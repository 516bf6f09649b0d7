/** IndexedDB autosave: the current project and its CSV bytes, so a reload or crash loses nothing. */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { parseProjectFile, type ProjectFile } from './project-file.ts';

/** What one autosave holds. */
export interface AutosaveRecord {
  savedAt: number;
  project: ProjectFile;
  /** The project had changes not saved to a file (so New project still asks after a reload). */
  dirty: boolean;
  /** The dataset's bytes, stored as a Blob (no copy into the project JSON). */
  csv: Blob | null;
}

/** As stored: the project as JSON text, which IndexedDB copies in one piece (a deep object clone of a long run history is slow). */
interface StoredProject {
  savedAt: number;
  project: string;
  /** Absent in autosaves of older versions: taken as unsaved. */
  dirty?: boolean;
}

interface Schema extends DBSchema {
  autosave: { key: string; value: StoredProject | Blob | null };
}

const DB_NAME = 'backprop-studio';
const PROJECT_KEY = 'current';
const CSV_KEY = 'current-csv';

function isStoredProject(v: unknown): v is StoredProject {
  return (
    typeof v === 'object' && v !== null && !(v instanceof Blob) && typeof (v as StoredProject).project === 'string'
  );
}

/** Reads and writes the autosave record. */
export class AutosaveStore {
  #db: Promise<IDBPDatabase<Schema>> | null = null;

  #open(): Promise<IDBPDatabase<Schema>> {
    this.#db ??= openDB<Schema>(DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('autosave');
      },
    });
    return this.#db;
  }

  /**
   * Store the project (replacing the previous autosave). The CSV is written only when `csvChanged`:
   * a large file is stored once, not on every edit.
   */
  async save(record: AutosaveRecord, csvChanged: boolean): Promise<void> {
    const db = await this.#open();
    const tx = db.transaction('autosave', 'readwrite');
    const writes: Promise<unknown>[] = [
      tx.store.put(
        { savedAt: record.savedAt, project: JSON.stringify(record.project), dirty: record.dirty },
        PROJECT_KEY,
      ),
    ];
    if (csvChanged) writes.push(tx.store.put(record.csv, CSV_KEY));
    await Promise.all([...writes, tx.done]);
  }

  /** The last autosave, or null; a damaged record throws a ProjectFileError saying so. */
  async load(): Promise<AutosaveRecord | null> {
    const db = await this.#open();
    const stored = await db.get('autosave', PROJECT_KEY);
    if (!isStoredProject(stored)) return null;
    const csv = await db.get('autosave', CSV_KEY);
    return {
      savedAt: stored.savedAt,
      project: parseProjectFile(stored.project, 'The autosaved project'),
      dirty: stored.dirty ?? true,
      csv: csv instanceof Blob ? csv : null,
    };
  }

  /** Forget the autosave (new project). */
  async clear(): Promise<void> {
    const db = await this.#open();
    const tx = db.transaction('autosave', 'readwrite');
    await Promise.all([tx.store.delete(PROJECT_KEY), tx.store.delete(CSV_KEY), tx.done]);
  }
}
