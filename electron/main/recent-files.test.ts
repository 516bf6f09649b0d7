import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { useTempDirs } from './fixtures/temp-dir.ts';
import { MAX_RECENT, parseRecentList, RecentFiles, withoutRecent, withRecent } from './recent-files.ts';

const tempDir = useTempDirs();

describe('recent list rules', () => {
  test('the newest goes first and a reopened file moves up without duplicating', () => {
    let list = withRecent([], '/p/a.bpstudio', 'linux');
    list = withRecent(list, '/p/b.csv', 'linux');
    list = withRecent(list, '/p/a.bpstudio', 'linux');
    expect(list).toEqual(['/p/a.bpstudio', '/p/b.csv']);
  });

  test(`keeps at most ${MAX_RECENT}`, () => {
    let list: string[] = [];
    for (let i = 0; i < MAX_RECENT + 3; i += 1) list = withRecent(list, `/p/${i}.csv`, 'linux');
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]).toBe(`/p/${MAX_RECENT + 2}.csv`);
  });

  test('case-insensitive on Windows, case-sensitive on Linux', () => {
    expect(withRecent(['C:\\p\\A.csv'], 'c:\\P\\a.csv', 'win32')).toEqual(['c:\\P\\a.csv']);
    expect(withRecent(['/p/A.csv'], '/p/a.csv', 'linux')).toEqual(['/p/a.csv', '/p/A.csv']);
    expect(withoutRecent(['/p/a.csv', '/p/b.csv'], '/p/a.csv', 'linux')).toEqual(['/p/b.csv']);
  });

  test('a stored list keeps only absolute paths of files the app opens', () => {
    expect(
      parseRecentList(['/p/a.bpstudio', 'relative.csv', '/p/notes.txt', 3, null, '/p/a.bpstudio', '/p/b.CSV'], 'linux'),
    ).toEqual(['/p/a.bpstudio', '/p/b.CSV']);
    expect(parseRecentList({ not: 'a list' }, 'linux')).toEqual([]);
  });
});

describe('RecentFiles', () => {
  test('persists across instances', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'recent-files.json');
    const first = new RecentFiles(file, 'linux');
    await first.load();
    await first.add('/p/a.bpstudio');
    await first.add('/p/b.csv');
    await first.remove('/p/a.bpstudio');
    const second = new RecentFiles(file, 'linux');
    expect(await second.load()).toEqual(['/p/b.csv']);
    await second.clear();
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual([]);
  });

  test('a missing or corrupt file gives an empty list', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'recent-files.json');
    expect(await new RecentFiles(file, 'linux').load()).toEqual([]);
    await writeFile(file, '{not json');
    expect(await new RecentFiles(file, 'linux').load()).toEqual([]);
  });
});
