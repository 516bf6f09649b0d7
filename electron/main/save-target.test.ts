import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { useTempDirs } from './fixtures/temp-dir.ts';
import { saveTarget } from './save-target.ts';

const tempDir = useTempDirs();

describe('saveTarget', () => {
  test('a name with its extension is written as chosen, with no second question (the dialog asked)', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'model.json'), '{}');
    await expect(saveTarget(path.join(dir, 'model.json'), 'model')).resolves.toEqual({
      target: path.join(dir, 'model.json'),
      replaceQuestion: null,
    });
  });

  test('a typed name without the extension gets it; no question when that file does not exist', async () => {
    const dir = await tempDir();
    await expect(saveTarget(path.join(dir, 'model'), 'model')).resolves.toEqual({
      target: path.join(dir, 'model.json'),
      replaceQuestion: null,
    });
    await expect(saveTarget(path.join(dir, 'study'), 'project')).resolves.toEqual({
      target: path.join(dir, 'study.bpstudio'),
      replaceQuestion: null,
    });
  });

  test('typing "model" where model.json exists asks before replacing it, naming the file', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'model.json'), '{"keep":true}');
    await expect(saveTarget(path.join(dir, 'model'), 'model')).resolves.toEqual({
      target: path.join(dir, 'model.json'),
      replaceQuestion: {
        message: '"model.json" already exists. Replace it?',
        detail: `You typed "model"; the file is saved with its extension, as "model.json" in ${dir}. Replace it, or cancel and choose another name.`,
      },
    });
  });

  test('the extension is matched in any case, and each kind has its own', async () => {
    const exists = async (): Promise<boolean> => true;
    expect((await saveTarget('/d/out.CSV', 'predictions', exists)).replaceQuestion).toBeNull();
    expect((await saveTarget('/d/trials', 'trials', exists)).target).toBe('/d/trials.csv');
    expect((await saveTarget('/d/out.json', 'predictions', exists)).target).toBe('/d/out.json.csv');
  });
});
