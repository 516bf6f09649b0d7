import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { useTempDirs } from './fixtures/temp-dir.ts';
import { RecoveryStore } from './recovery-store.ts';

const tempDir = useTempDirs();

describe('RecoveryStore', () => {
  test('a clean session leaves nothing to restore', async () => {
    const dir = await tempDir();
    const store = new RecoveryStore(dir);
    await store.save('{"v":1}');
    await store.clear();
    const next = new RecoveryStore(dir);
    expect(await next.claimLeftover()).toBe(false);
    expect(await next.take()).toBeNull();
  });

  test('after a crash the next launch gets the last autosave once', async () => {
    const dir = await tempDir();
    const crashed = new RecoveryStore(dir);
    await crashed.save('{"v":1}');
    await crashed.save('{"v":2}');
    // …the process dies here: no clear().
    const next = new RecoveryStore(dir);
    expect(await next.claimLeftover()).toBe(true);
    await next.save('{"new session":true}');
    expect(await next.take()).toBe('{"v":2}');
    expect(await next.take()).toBeNull();
    expect(await readFile(next.currentPath, 'utf8')).toBe('{"new session":true}');
  });

  test('the crash copy survives a clean quit until it is taken', async () => {
    const dir = await tempDir();
    await new RecoveryStore(dir).save('{"v":1}');
    const second = new RecoveryStore(dir);
    await second.claimLeftover();
    await second.clear();
    const third = new RecoveryStore(dir);
    await third.claimLeftover();
    expect(await third.take()).toBe('{"v":1}');
  });

  test('a renderer crash keeps this session’s autosave for the reloaded page', async () => {
    const dir = await tempDir();
    const store = new RecoveryStore(dir);
    await store.save('{"before crash":true}');
    expect(await store.markCrashed()).toBe(true);
    expect(await store.take()).toBe('{"before crash":true}');
  });

  test('operations apply in call order, so a clear right after a save wins', async () => {
    const dir = await tempDir();
    const store = new RecoveryStore(dir);
    const saving = store.save('{"v":1}');
    const clearing = store.clear();
    await Promise.all([saving, clearing]);
    expect(await readdir(dir)).toEqual([]);
  });

  test('a failed operation reaches its caller and does not block the next', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'recovery-pending.bpstudio'));
    const store = new RecoveryStore(dir);
    await expect(store.take()).rejects.toMatchObject({ code: 'EISDIR' });
    await store.save('{"ok":true}');
    expect(await readFile(store.currentPath, 'utf8')).toBe('{"ok":true}');
  });

  test('autosave creates the app-data folder', async () => {
    const dir = path.join(await tempDir(), 'deep', 'recovery');
    const store = new RecoveryStore(dir);
    await store.save('{}');
    expect(await readdir(dir)).toEqual(['recovery.bpstudio']);
  });
});
