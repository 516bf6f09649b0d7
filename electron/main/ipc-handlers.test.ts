import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { EVENT, INVOKE, SEND } from '../ipc-channels.ts';
import { ChosenPaths } from './chosen-paths.ts';
import { DocumentActions } from './document-actions.ts';
import { DocumentSession } from './document-session.ts';
import { FakeShell, type FakeWindow } from './fixtures/fake-shell.ts';
import { useTempDirs } from './fixtures/temp-dir.ts';
import { createInvokeHandlers, createSendHandlers, withExtension } from './ipc-handlers.ts';
import { RecoveryStore } from './recovery-store.ts';

const tempDir = useTempDirs();

async function setup() {
  const dir = await tempDir();
  const shell = new FakeShell();
  const chosen = new ChosenPaths();
  const recentAdded: string[] = [];
  const recent = {
    add: async (filePath: string) => {
      recentAdded.push(filePath);
    },
    remove: async () => undefined,
  };
  const recovery = new RecoveryStore(path.join(dir, 'app-data'));
  const documents = new DocumentActions(shell, { platform: 'linux', chosen, recent });
  const deps = { shell, documents, chosen, recent, recovery, defaultFolder: () => path.join(dir, 'Documents') };
  const invoke = createInvokeHandlers<FakeWindow>(deps);
  const send = createSendHandlers<FakeWindow>(deps);
  const context = { window: { name: 'main' }, session: new DocumentSession() };
  return { dir, shell, chosen, recentAdded, recovery, invoke, send, context };
}

const project = (name: string) => JSON.stringify({ format: 'bpstudio', name });

describe('saveProject', () => {
  test('first save asks where, writes the file, remembers it; the next save writes there without asking', async () => {
    const { dir, shell, invoke, context, recentAdded } = await setup();
    context.session.title = 'Iris study';
    const target = path.join(dir, 'iris.bpstudio');
    shell.saveAnswers.push(target);

    await expect(invoke[INVOKE.saveProject]({ json: project('v1'), saveAs: false }, context)).resolves.toEqual({
      path: target,
    });
    expect(shell.saveDialogs).toEqual([
      { kind: 'project', defaultPath: path.join(dir, 'Documents', 'Iris study.bpstudio') },
    ]);
    expect(await readFile(target, 'utf8')).toBe(project('v1'));
    expect(context.session.path).toBe(target);
    expect(recentAdded).toEqual([target]);

    await invoke[INVOKE.saveProject]({ json: project('v2'), saveAs: false }, context);
    expect(shell.saveDialogs).toHaveLength(1);
    expect(await readFile(target, 'utf8')).toBe(project('v2'));
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('Save as always asks, starting in the current file’s folder', async () => {
    const { dir, shell, invoke, context } = await setup();
    shell.saveAnswers.push(path.join(dir, 'a.bpstudio'), path.join(dir, 'b'));
    await invoke[INVOKE.saveProject]({ json: project('a'), saveAs: false }, context);
    await expect(invoke[INVOKE.saveProject]({ json: project('b'), saveAs: true }, context)).resolves.toEqual({
      path: path.join(dir, 'b.bpstudio'),
    });
    expect(shell.saveDialogs[1]).toEqual({ kind: 'project', defaultPath: path.join(dir, 'a.bpstudio') });
    expect(context.session.path).toBe(path.join(dir, 'b.bpstudio'));
    expect(await readFile(path.join(dir, 'a.bpstudio'), 'utf8')).toBe(project('a'));
  });

  test('a cancelled dialog returns null and writes nothing', async () => {
    const { dir, shell, invoke, context } = await setup();
    shell.saveAnswers.push(null);
    await expect(invoke[INVOKE.saveProject]({ json: project('a'), saveAs: false }, context)).resolves.toBeNull();
    expect(await readdir(dir)).toEqual([]);
    expect(context.session.path).toBeNull();
  });

  test('invalid JSON is refused before any dialog, and the existing file is untouched', async () => {
    const { dir, shell, invoke, context, chosen } = await setup();
    const target = path.join(dir, 'keep.bpstudio');
    await writeFile(target, project('good'));
    context.session.path = chosen.allow(target);
    await expect(invoke[INVOKE.saveProject]({ json: '{"trunc', saveAs: false }, context)).rejects.toThrow(
      /not valid JSON/,
    );
    expect(shell.saveDialogs).toEqual([]);
    expect(await readFile(target, 'utf8')).toBe(project('good'));
  });

  test('refuses to write a path the user never chose', async () => {
    const { dir, invoke, context } = await setup();
    context.session.path = path.join(dir, 'planted.bpstudio');
    await expect(invoke[INVOKE.saveProject]({ json: project('x'), saveAs: false }, context)).rejects.toThrow(
      `Save project: refused to use "${path.join(dir, 'planted.bpstudio')}" because it was not chosen in a dialog. Use Save as… to pick the file.`,
    );
    expect(await readdir(dir)).toEqual([]);
  });

  test('a failed write says where and what to do', async () => {
    const { dir, shell, invoke, context } = await setup();
    shell.saveAnswers.push(path.join(dir, 'missing-folder', 'p.bpstudio'));
    await expect(invoke[INVOKE.saveProject]({ json: project('x'), saveAs: false }, context)).rejects.toThrow(
      `Could not save "p.bpstudio" in ${path.join(dir, 'missing-folder')}: it does not exist (was it moved or deleted?).`,
    );
  });

  test('saving clears the recovery copy', async () => {
    const { dir, shell, invoke, context, recovery } = await setup();
    await invoke[INVOKE.autosave]({ json: project('draft') }, context);
    expect(await readFile(recovery.currentPath, 'utf8')).toBe(project('draft'));
    shell.saveAnswers.push(path.join(dir, 'p.bpstudio'));
    await invoke[INVOKE.saveProject]({ json: project('saved'), saveAs: false }, context);
    await expect(readFile(recovery.currentPath, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('open dialogs', () => {
  test('openCsv reads the chosen file as bytes (byte-order mark included, for the decoder) and records it as chosen and recent', async () => {
    const { dir, shell, invoke, context, chosen, recentAdded } = await setup();
    const csv = path.join(dir, 'iris.csv');
    await writeFile(csv, '\uFEFFsepal,species\n5.1,setosa\n');
    shell.openAnswers.push(csv);
    await expect(invoke[INVOKE.openCsv](undefined, context)).resolves.toEqual({
      path: csv,
      name: 'iris.csv',
      bytes: new Uint8Array(Buffer.from('\uFEFFsepal,species\n5.1,setosa\n')),
    });
    expect(shell.openDialogs).toEqual(['csv']);
    expect(chosen.has(csv)).toBe(true);
    expect(recentAdded).toEqual([csv]);
    expect(context.session.path).toBeNull();
  });

  test('openTrials reads a trials CSV in its own dialog and keeps it off Open recent (it is not a dataset)', async () => {
    const { dir, shell, invoke, context, chosen, recentAdded } = await setup();
    const csv = path.join(dir, 'trials.csv');
    await writeFile(csv, 'trial,status\n1,done\n');
    shell.openAnswers.push(csv);
    await expect(invoke[INVOKE.openTrials](undefined, context)).resolves.toMatchObject({
      path: csv,
      name: 'trials.csv',
    });
    expect(shell.openDialogs).toEqual(['trials']);
    expect(chosen.has(csv)).toBe(true);
    expect(recentAdded).toEqual([]);
    expect(context.session.path).toBeNull();
  });

  test('openProject makes the file the one Save writes to', async () => {
    const { dir, shell, invoke, context } = await setup();
    const file = path.join(dir, 'p.bpstudio');
    await writeFile(file, project('p'));
    shell.openAnswers.push(file);
    await invoke[INVOKE.openProject](undefined, context);
    expect(context.session.path).toBe(file);
  });

  test('openModel reads the chosen model file in a model dialog and leaves the project path alone', async () => {
    const { dir, shell, invoke, context, recentAdded } = await setup();
    const file = path.join(dir, 'penguins.model.json');
    await writeFile(file, '{"format":"backprop-studio/model"}');
    shell.openAnswers.push(file);
    await expect(invoke[INVOKE.openModel](undefined, context)).resolves.toMatchObject({
      path: file,
      name: 'penguins.model.json',
    });
    expect(shell.openDialogs).toEqual(['model']);
    expect(recentAdded).toEqual([file]);
    expect(context.session.path).toBeNull();
  });

  test('cancelled → null; arguments → refused', async () => {
    const { shell, invoke, context } = await setup();
    shell.openAnswers.push(null);
    await expect(invoke[INVOKE.openProject](undefined, context)).resolves.toBeNull();
    await expect(invoke[INVOKE.openCsv]({ path: '/etc/passwd' }, context)).rejects.toThrow(
      'Open CSV: takes no arguments, got an object.',
    );
  });
});

describe('exports', () => {
  test('model export starts at the suggested name and adds a missing extension', async () => {
    const { dir, shell, invoke, context } = await setup();
    shell.saveAnswers.push(path.join(dir, 'my-model'));
    await expect(
      invoke[INVOKE.exportModel]({ json: '{"weights":[]}', suggestedName: 'iris-model' }, context),
    ).resolves.toEqual({ path: path.join(dir, 'my-model.json') });
    expect(shell.saveDialogs).toEqual([{ kind: 'model', defaultPath: path.join(dir, 'Documents', 'iris-model.json') }]);
    expect(await readFile(path.join(dir, 'my-model.json'), 'utf8')).toBe('{"weights":[]}');
  });

  test('typing "model" where model.json exists asks before replacing it; Cancel writes nothing, Replace writes', async () => {
    const { dir, shell, invoke, context } = await setup();
    const existing = path.join(dir, 'model.json');
    await writeFile(existing, '{"old":true}');
    shell.saveAnswers.push(path.join(dir, 'model'), path.join(dir, 'model'));
    shell.replaceAnswers.push(false, true);
    await expect(
      invoke[INVOKE.exportModel]({ json: '{"new":true}', suggestedName: 'iris-model' }, context),
    ).resolves.toBeNull();
    expect(shell.replaceQuestions).toEqual([
      `"model.json" already exists. Replace it? You typed "model"; the file is saved with its extension, as "model.json" in ${dir}. Replace it, or cancel and choose another name.`,
    ]);
    expect(await readFile(existing, 'utf8')).toBe('{"old":true}');
    await expect(
      invoke[INVOKE.exportModel]({ json: '{"new":true}', suggestedName: 'iris-model' }, context),
    ).resolves.toEqual({ path: existing });
    expect(await readFile(existing, 'utf8')).toBe('{"new":true}');
  });

  test('a project saved as "study" where study.bpstudio exists asks too; Cancel leaves the project unsaved', async () => {
    const { dir, shell, invoke, context } = await setup();
    await writeFile(path.join(dir, 'study.bpstudio'), 'old');
    shell.saveAnswers.push(path.join(dir, 'study'));
    shell.replaceAnswers.push(false);
    await expect(invoke[INVOKE.saveProject]({ json: project('new'), saveAs: false }, context)).resolves.toBeNull();
    expect(shell.replaceQuestions).toHaveLength(1);
    expect(context.session.path).toBeNull();
    expect(await readFile(path.join(dir, 'study.bpstudio'), 'utf8')).toBe('old');
  });

  test('predictions export writes the CSV', async () => {
    const { dir, shell, invoke, context } = await setup();
    shell.saveAnswers.push(path.join(dir, 'out.csv'));
    await invoke[INVOKE.exportPredictions]({ csv: 'x,prediction\n1,a\n', suggestedName: 'predictions.csv' }, context);
    expect(await readFile(path.join(dir, 'out.csv'), 'utf8')).toBe('x,prediction\n1,a\n');
  });

  test('sweep trials export asks with its own dialog kind and adds a missing .csv', async () => {
    const { dir, shell, invoke, context } = await setup();
    shell.saveAnswers.push(path.join(dir, 'trials'));
    await expect(
      invoke[INVOKE.exportTrials]({ csv: 'trial,rank\n1,1\n', suggestedName: 'iris-trials.csv' }, context),
    ).resolves.toEqual({ path: path.join(dir, 'trials.csv') });
    expect(shell.saveDialogs).toEqual([
      { kind: 'trials', defaultPath: path.join(dir, 'Documents', 'iris-trials.csv') },
    ]);
    expect(await readFile(path.join(dir, 'trials.csv'), 'utf8')).toBe('trial,rank\n1,1\n');
  });

  test('a report export asks with its own dialog kind and adds a missing .html', async () => {
    const { dir, shell, invoke, context } = await setup();
    shell.saveAnswers.push(path.join(dir, 'iris-report'));
    await expect(
      invoke[INVOKE.exportReport]({ html: '<!DOCTYPE html>\n', suggestedName: 'iris-run-1.report.html' }, context),
    ).resolves.toEqual({ path: path.join(dir, 'iris-report.html') });
    expect(shell.saveDialogs).toEqual([
      { kind: 'report', defaultPath: path.join(dir, 'Documents', 'iris-run-1.report.html') },
    ]);
    expect(await readFile(path.join(dir, 'iris-report.html'), 'utf8')).toBe('<!DOCTYPE html>\n');
  });

  test('a refused trials payload opens no dialog', async () => {
    const { shell, invoke, context } = await setup();
    await expect(invoke[INVOKE.exportTrials]({ csv: 'a\n', suggestedName: '../trials.csv' }, context)).rejects.toThrow(
      `Export sweep trials: 'suggestedName' must be a file name without folders or control characters, got "../trials.csv" (string).`,
    );
    expect(shell.saveDialogs).toEqual([]);
  });

  test('an ONNX export asks with its own dialog kind, adds a missing .onnx and writes the bytes', async () => {
    const { dir, shell, invoke, context } = await setup();
    shell.saveAnswers.push(path.join(dir, 'iris'));
    const bytes = new Uint8Array([8, 7, 18, 0, 255]);
    await expect(
      invoke[INVOKE.exportModelFiles]({ files: [{ name: 'iris-run-1.onnx', bytes }] }, context),
    ).resolves.toEqual({ path: path.join(dir, 'iris.onnx') });
    expect(shell.saveDialogs).toEqual([{ kind: 'onnx', defaultPath: path.join(dir, 'Documents', 'iris-run-1.onnx') }]);
    expect(new Uint8Array(await readFile(path.join(dir, 'iris.onnx')))).toEqual(bytes);
  });

  test('a TF.js export writes model.json where chosen and weights.bin next to it, asking before replacing old weights', async () => {
    const { dir, shell, invoke, context } = await setup();
    const files = [
      { name: 'model.json', bytes: new TextEncoder().encode('{"format":"layers-model"}') },
      { name: 'weights.bin', bytes: new Uint8Array([1, 2, 3, 4]) },
    ];
    shell.saveAnswers.push(path.join(dir, 'model.json'));
    await expect(invoke[INVOKE.exportModelFiles]({ files }, context)).resolves.toEqual({
      path: path.join(dir, 'model.json'),
    });
    expect(shell.saveDialogs[0]?.kind).toBe('tfjs');
    expect(await readFile(path.join(dir, 'model.json'), 'utf8')).toBe('{"format":"layers-model"}');
    expect(new Uint8Array(await readFile(path.join(dir, 'weights.bin')))).toEqual(new Uint8Array([1, 2, 3, 4]));
    // Again into the same folder: weights.bin exists; Cancel writes nothing.
    shell.saveAnswers.push(path.join(dir, 'other.json'));
    shell.replaceAnswers.push(false);
    await expect(invoke[INVOKE.exportModelFiles]({ files }, context)).resolves.toBeNull();
    expect(shell.replaceQuestions).toEqual([
      `"weights.bin" already exists. Replace it? The TF.js model's weights are saved next to other.json, as "weights.bin" in ${dir}. Replace it, or cancel and choose another folder.`,
    ]);
    expect((await readdir(dir)).sort()).toEqual(['model.json', 'weights.bin']);
  });

  test('withExtension keeps a matching extension in any case', () => {
    expect(withExtension('/a/B.JSON', 'model')).toBe('/a/B.JSON');
    expect(withExtension('/a/b.txt', 'predictions')).toBe('/a/b.txt.csv');
    expect(withExtension('/a/trials', 'trials')).toBe('/a/trials.csv');
  });
});

describe('recovery', () => {
  test('takeRecovery returns a crash copy once', async () => {
    const { invoke, context, recovery } = await setup();
    await invoke[INVOKE.autosave]({ json: project('draft') }, context);
    await recovery.markCrashed();
    await expect(invoke[INVOKE.takeRecovery](undefined, context)).resolves.toBe(project('draft'));
    await expect(invoke[INVOKE.takeRecovery](undefined, context)).resolves.toBeNull();
  });
});

describe('one-way messages', () => {
  test('document state updates the session; becoming clean drops the recovery copy', async () => {
    const { send, invoke, context, shell, recovery } = await setup();
    await send[SEND.setDocumentState]({ dirty: true, title: 'Iris' }, context);
    expect(context.session).toMatchObject({ dirty: true, title: 'Iris' });
    expect(shell.documentChanges).toBe(1);
    await invoke[INVOKE.autosave]({ json: project('draft') }, context);
    await send[SEND.setDocumentState]({ dirty: false, title: 'Iris' }, context);
    await expect(readFile(recovery.currentPath, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  test('resetProjectPath forgets the file, so the next Save asks', async () => {
    const { dir, send, context, chosen } = await setup();
    context.session.path = chosen.allow(path.join(dir, 'old.bpstudio'));
    await send[SEND.resetProjectPath](undefined, context);
    expect(context.session.path).toBeNull();
  });

  test('a dropped CSV is read and delivered once the renderer listens', async () => {
    const { dir, send, context, shell, chosen } = await setup();
    const csv = path.join(dir, 'wine.csv');
    await writeFile(csv, 'a,b\n1,2\n');
    await send[SEND.openDroppedFile]({ path: csv }, context);
    expect(shell.sent).toEqual([]);
    await send[SEND.openFileReady](undefined, context);
    expect(shell.sent).toEqual([
      {
        channel: EVENT.openFile,
        payload: { path: csv, name: 'wine.csv', bytes: new Uint8Array(Buffer.from('a,b\n1,2\n')), kind: 'csv' },
      },
    ]);
    expect(chosen.has(csv)).toBe(true);
  });

  test.each([
    ['relative/iris.csv', 'Can\'t open "relative/iris.csv": dropped files must have an absolute path.'],
    ['/home/ana/notes.txt', 'Can\'t open "notes.txt": drop a CSV file (.csv) or a project (.bpstudio).'],
  ])('a dropped %s is refused', async (droppedPath, message) => {
    const { send, context } = await setup();
    await expect(send[SEND.openDroppedFile]({ path: droppedPath }, context)).rejects.toThrow(message);
  });

  test('a dropped file that cannot be read is reported to the user, not delivered', async () => {
    const { dir, send, context, shell } = await setup();
    await send[SEND.openFileReady](undefined, context);
    await send[SEND.openDroppedFile]({ path: path.join(dir, 'gone.csv') }, context);
    expect(shell.errors).toEqual([
      `Could not open "gone.csv" in ${dir}: it does not exist (was it moved or deleted?).`,
    ]);
    expect(shell.sent).toEqual([]);
  });
});
