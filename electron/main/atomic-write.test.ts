import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { temporaryPathFor, writeFileAtomic } from './atomic-write.ts';
import { useTempDirs } from './fixtures/temp-dir.ts';

const tempDir = useTempDirs();

describe('writeFileAtomic', () => {
  test('creates a file and leaves no temporary file behind', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'p.bpstudio');
    await writeFileAtomic(target, '{"v":1}');
    expect(await readFile(target, 'utf8')).toBe('{"v":1}');
    expect(await readdir(dir)).toEqual(['p.bpstudio']);
  });

  test('replaces an existing file whole and keeps its permissions', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'p.bpstudio');
    await writeFile(target, 'old contents that are longer than the new ones');
    await chmod(target, 0o600);
    await writeFileAtomic(target, 'new');
    expect(await readFile(target, 'utf8')).toBe('new');
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  test('writes bytes as they are', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'b.bin');
    await writeFileAtomic(target, new Uint8Array([0, 255, 10]));
    expect([...(await readFile(target))]).toEqual([0, 255, 10]);
  });

  test('when the rename fails, the original stays and the temporary file is removed', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'taken');
    await mkdir(path.join(target, 'child'), { recursive: true });
    await expect(writeFileAtomic(target, 'x')).rejects.toMatchObject({
      code: expect.stringMatching(/EISDIR|ENOTEMPTY|EEXIST|EPERM/),
    });
    expect(await readdir(dir)).toEqual(['taken']);
    expect(await readdir(target)).toEqual(['child']);
  });

  test('a missing folder fails before anything is written', async () => {
    const dir = await tempDir();
    await expect(writeFileAtomic(path.join(dir, 'nope', 'p.bpstudio'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(dir)).toEqual([]);
  });

  test('temporary files are hidden, unique, and in the same folder', () => {
    const a = temporaryPathFor('/data/p.bpstudio');
    const b = temporaryPathFor('/data/p.bpstudio');
    expect(path.dirname(a)).toBe('/data');
    expect(path.basename(a)).toMatch(/^\.p\.bpstudio\.\d+-[0-9a-f]{12}\.tmp$/);
    expect(a).not.toBe(b);
  });
});
