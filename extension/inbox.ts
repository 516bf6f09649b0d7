/**
 * The hand-over from the extension's background script to the studio tab it opens: one record per menu
 * click in the extension origin's IndexedDB (no `storage` permission needed, no message size limit), taken
 * once by the studio page.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/** The page a dataset came from (its title and address). */
export interface SourcePage {
  title: string;
  url: string;
}

/** What one menu click hands over: a CSV to import, or the message saying why there is none. */
export type InboxItem =
  { kind: 'csv'; name: string; csv: Blob; page: SourcePage } | { kind: 'error'; message: string; page: SourcePage };

interface Schema extends DBSchema {
  inbox: { key: string; value: InboxItem };
}

const DB_NAME = 'backprop-studio-inbox';
/** The query parameter of the studio URL that names an inbox record. */
export const INBOX_PARAM = 'inbox';

function open(): Promise<IDBPDatabase<Schema>> {
  return openDB<Schema>(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore('inbox');
    },
  });
}

/** Store `item` under a fresh key and return the key. */
export async function putInboxItem(item: InboxItem): Promise<string> {
  const key = crypto.randomUUID();
  const db = await open();
  try {
    await db.put('inbox', item, key);
  } finally {
    db.close();
  }
  return key;
}

/** Take (read and delete) the record under `key`; null when there is none (already taken, or a stale link). */
export async function takeInboxItem(key: string): Promise<InboxItem | null> {
  const db = await open();
  try {
    const tx = db.transaction('inbox', 'readwrite');
    const item = (await tx.store.get(key)) ?? null;
    await tx.store.delete(key);
    await tx.done;
    return item;
  } finally {
    db.close();
  }
}
