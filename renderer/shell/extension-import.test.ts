import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { putInboxItem } from '../../extension/inbox.ts';
import { takeExtensionImport } from './extension-import.ts';

const page = { title: 'Harbour statistics', url: 'https://stats.example.org/harbours' };

/** The app's side of the hand-over, recording what it was asked to do. */
function app(search: string) {
  const done: { urls: string[]; imports: { name: string; text: string; page: unknown }[]; errors: string[] } = {
    urls: [],
    imports: [],
    errors: [],
  };
  const deps = {
    location: { search, pathname: '/index.html' },
    replaceUrl: (url: string) => {
      done.urls.push(url);
    },
    importCsv: async (name: string, csv: Blob, sourcePage: unknown) => {
      done.imports.push({ name, text: await csv.text(), page: sourcePage });
    },
    showError: (message: string) => {
      done.errors.push(message);
    },
  };
  return { deps, done };
}

describe('takeExtensionImport', () => {
  it('imports the CSV the extension handed over once, with its page, and drops the key from the address', async () => {
    const key = await putInboxItem({ kind: 'csv', name: 'harbours.csv', csv: new Blob(['a,b\n1,2\n']), page });
    const first = app(`?inbox=${key}`);
    expect(await takeExtensionImport(first.deps)).toBe(true);
    expect(first.done).toEqual({
      urls: ['/index.html'],
      imports: [{ name: 'harbours.csv', text: 'a,b\n1,2\n', page }],
      errors: [],
    });

    // The same address again (a reload before the key was dropped, a duplicated tab): it is gone, and says so.
    const again = app(`?inbox=${key}`);
    await takeExtensionImport(again.deps);
    expect(again.done.imports).toEqual([]);
    expect(again.done.errors).toEqual([
      'This tab was opened for a table or CSV that was already taken (the tab was reloaded or duplicated). Use the menu on the page again to open it.',
    ]);
  });

  it("shows the reader's message with the page it came from", async () => {
    const key = await putInboxItem({
      kind: 'error',
      message: 'This table has no rows with cells. Choose a table that holds data.',
      page,
    });
    const { deps, done } = app(`?inbox=${key}`);
    await takeExtensionImport(deps);
    expect(done.errors).toEqual([
      'This table has no rows with cells. Choose a table that holds data. (page: Harbour statistics)',
    ]);
    expect(done.imports).toEqual([]);
  });

  it('does nothing for an ordinary studio tab', async () => {
    const { deps, done } = app('');
    expect(await takeExtensionImport(deps)).toBe(false);
    expect(done).toEqual({ urls: [], imports: [], errors: [] });
  });
});
