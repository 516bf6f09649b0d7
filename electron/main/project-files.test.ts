import { mkdir, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { useTempDirs } from './fixtures/temp-dir.ts';
import { checkDroppedPath, fileKind, filesFromArgv, MAX_FILE_BYTES, readOpenedFile } from './project-files.ts';

const tempDir = useTempDirs();

describe('fileKind', () => {
  test.each([
    ['/a/iris.csv', 'csv'],
    ['/a/IRIS.CSV', 'csv'],
    ['/a/p.bpstudio', 'project'],
    ['/a/p.BPSTUDIO', 'project'],
    ['/a/p.json', null],
    ['/a/csv', null],
    ['/a/p.bpstudio.bak', null],
  ])('%s → %s', (file, kind) => {
    expect(fileKind(file)).toBe(kind);
  });
});

describe('filesFromArgv', () => {
  test('packaged launch by file association', () => {
    expect(filesFromArgv(['/opt/Backprop Studio/backprop-studio', '/home/ana/p.bpstudio'], '/home/ana')).toEqual([
      '/home/ana/p.bpstudio',
    ]);
  });

  test('development launch: skips the app folder and Chromium flags, resolves relative paths', () => {
    expect(
      filesFromArgv(
        ['/x/electron', '--inspect=0', '.', '--no-sandbox', 'data/iris.csv', 'notes.txt', 'data/iris.csv'],
        '/home/ana',
      ),
    ).toEqual(['/home/ana/data/iris.csv']);
  });
});

describe('checkDroppedPath', () => {
  test('normalises an absolute path of a known kind', () => {
    expect(checkDroppedPath('/home/ana/x/../iris.csv')).toBe('/home/ana/iris.csv');
  });
});

describe('readOpenedFile', () => {
  test('reads the bytes and names it', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'iris.csv');
    await writeFile(file, 'a,b\n');
    await expect(readOpenedFile(file)).resolves.toEqual({
      path: file,
      name: 'iris.csv',
      bytes: new Uint8Array(Buffer.from('a,b\n')),
      kind: 'csv',
    });
  });

  test("hands over Latin-1 and UTF-16 files byte for byte, for the engine's decoder (not decoded as UTF-8)", async () => {
    const dir = await tempDir();
    const latin1 = path.join(dir, 'cafes.csv');
    await writeFile(latin1, Buffer.from('name\ncaf\xe9\n', 'latin1'));
    const read = await readOpenedFile(latin1);
    expect(read.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.isBuffer(read.bytes)).toBe(false);
    expect([...read.bytes]).toEqual([...Buffer.from('name\ncaf\xe9\n', 'latin1')]);
    const utf16 = path.join(dir, 'utf16.csv');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n1,2\n', 'utf16le')]);
    await writeFile(utf16, bytes);
    expect([...(await readOpenedFile(utf16)).bytes]).toEqual([...bytes]);
  });

  test('refuses folders', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'looks-like.csv'));
    await expect(readOpenedFile(path.join(dir, 'looks-like.csv'))).rejects.toThrow(
      'Can\'t open "looks-like.csv": it is a folder, not a file.',
    );
  });

  test('refuses files over the size limit without reading them', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'huge.csv');
    await writeFile(file, '');
    await truncate(file, MAX_FILE_BYTES + 1);
    await expect(readOpenedFile(file)).rejects.toThrow(
      'Can\'t open "huge.csv": it is 513 MB and the limit is 512 MB. Split the file or sample its rows.',
    );
  });

  test('refuses other extensions', async () => {
    await expect(readOpenedFile('/etc/passwd')).rejects.toThrow(
      'Can\'t open "passwd": choose a CSV file (.csv) or a project (.bpstudio).',
    );
  });
});
