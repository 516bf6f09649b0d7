import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { EVENT } from '../ipc-channels.ts';
import { ChosenPaths } from './chosen-paths.ts';
import { DocumentActions } from './document-actions.ts';
import { DocumentSession, unsavedPrompt, windowTitle } from './document-session.ts';
import { FakeShell } from './fixtures/fake-shell.ts';
import { useTempDirs } from './fixtures/temp-dir.ts';

const tempDir = useTempDirs();
/** Lets queued promise callbacks (the prompt's answer) run. */
const flush = () => new Promise((resolve) => setImmediate(resolve));

async function setup() {
  const dir = await tempDir();
  const shell = new FakeShell();
  const chosen = new ChosenPaths('linux');
  const recent: string[] = [];
  const removed: string[] = [];
  const actions = new DocumentActions(shell, {
    platform: 'linux',
    chosen,
    recent: {
      add: async (p: string) => {
        recent.push(p);
      },
      remove: async (p: string) => {
        removed.push(p);
      },
    },
  });
  const window = { name: 'main' };
  const session = new DocumentSession();
  session.markRendererReady(() => undefined);
  const projectFile = path.join(dir, 'penguins.bpstudio');
  await writeFile(projectFile, '{"format":"bpstudio"}');
  return { dir, shell, chosen, recent, removed, actions, window, session, projectFile };
}

describe('closing', () => {
  test('a clean document closes at once', async () => {
    const { actions, window, session, shell } = await setup();
    expect(actions.allowClose(window, session)).toBe(true);
    expect(shell.prompts).toEqual([]);
  });

  test('unsaved changes: "Don’t Save" closes without saving', async () => {
    const { actions, window, session, shell } = await setup();
    session.dirty = true;
    session.title = 'Iris';
    shell.unsavedAnswers.push('discard');
    expect(actions.allowClose(window, session)).toBe(false);
    await flush();
    expect(shell.prompts[0]?.message).toBe('Save changes to "Iris" before closing?');
    expect(shell.closed).toEqual([window]);
    expect(actions.allowClose(window, session)).toBe(true);
  });

  test('unsaved changes: "Cancel" keeps the window', async () => {
    const { actions, window, session, shell } = await setup();
    session.dirty = true;
    shell.unsavedAnswers.push('cancel');
    actions.allowClose(window, session);
    await flush();
    expect(shell.closed).toEqual([]);
    expect(shell.sent).toEqual([]);
  });

  test('unsaved changes: "Save" asks the renderer to save, and closes once the save succeeded', async () => {
    const { actions, window, session, shell } = await setup();
    session.dirty = true;
    shell.unsavedAnswers.push('save');
    actions.allowClose(window, session);
    await flush();
    expect(shell.sent).toEqual([{ channel: EVENT.menuCommand, payload: 'save' }]);
    expect(shell.closed).toEqual([]);
    session.afterSave?.();
    expect(shell.closed).toEqual([window]);
    expect(session.closeApproved).toBe(true);
  });
});

describe('opening from the OS', () => {
  test('a project replaces a clean document and becomes its file', async () => {
    const { actions, window, session, shell, chosen, recent, projectFile } = await setup();
    await actions.openFromOs(window, session, projectFile);
    expect(shell.sent).toEqual([
      {
        channel: EVENT.openFile,
        payload: {
          path: projectFile,
          name: 'penguins.bpstudio',
          bytes: new Uint8Array(Buffer.from('{"format":"bpstudio"}')),
          kind: 'project',
        },
      },
    ]);
    expect(session.path).toBe(projectFile);
    expect(chosen.has(projectFile)).toBe(true);
    expect(recent).toEqual([projectFile]);
  });

  test('with unsaved changes, Cancel keeps the current project and its file', async () => {
    const { dir, actions, window, session, shell, chosen, projectFile } = await setup();
    session.dirty = true;
    session.path = chosen.allow(path.join(dir, 'current.bpstudio'));
    shell.unsavedAnswers.push('cancel');
    await actions.openFromOs(window, session, projectFile);
    expect(shell.prompts[0]?.message).toBe('Save changes to "Untitled" before opening another project?');
    expect(shell.sent).toEqual([]);
    expect(session.path).toBe(path.join(dir, 'current.bpstudio'));
    expect(chosen.has(projectFile)).toBe(false);
  });

  test('with unsaved changes, Save saves first and opens after', async () => {
    const { actions, window, session, shell, projectFile } = await setup();
    session.dirty = true;
    shell.unsavedAnswers.push('save');
    await actions.openFromOs(window, session, projectFile);
    expect(shell.sent).toEqual([{ channel: EVENT.menuCommand, payload: 'save' }]);
    session.afterSave?.();
    await flush();
    expect(shell.sent.at(-1)?.channel).toBe(EVENT.openFile);
    expect(session.path).toBe(projectFile);
  });

  test('a CSV never prompts: it is imported into the current project', async () => {
    const { dir, actions, window, session, shell } = await setup();
    const csv = path.join(dir, 'more.csv');
    await writeFile(csv, 'a\n1\n');
    session.dirty = true;
    await actions.openFromOs(window, session, csv);
    expect(shell.prompts).toEqual([]);
    expect(shell.sent[0]?.payload).toMatchObject({ kind: 'csv', name: 'more.csv' });
    expect(session.path).toBeNull();
  });

  test('an unreadable file is reported and removed from Open recent', async () => {
    const { dir, actions, window, session, shell, removed } = await setup();
    const gone = path.join(dir, 'gone.bpstudio');
    await actions.openFromOs(window, session, gone);
    expect(shell.errors).toEqual([
      `Could not open "gone.bpstudio" in ${dir}: it does not exist (was it moved or deleted?).`,
    ]);
    expect(removed).toEqual([gone]);
  });

  test('files wait until the renderer listens', async () => {
    const { actions, window, shell, projectFile } = await setup();
    const fresh = new DocumentSession();
    await actions.openFromOs(window, fresh, projectFile);
    expect(shell.sent).toEqual([]);
    fresh.markRendererReady((file) => shell.send(window, EVENT.openFile, file));
    expect(shell.sent).toHaveLength(1);
    fresh.markRendererGone();
    await actions.openFromOs(window, fresh, projectFile);
    expect(shell.sent).toHaveLength(1);
  });
});

describe('titles and prompts', () => {
  test('window title marks unsaved changes except on macOS', () => {
    expect(windowTitle({ dirty: true, title: 'Iris' }, 'Backprop Studio', 'linux')).toBe('• Iris — Backprop Studio');
    expect(windowTitle({ dirty: true, title: 'Iris' }, 'Backprop Studio', 'darwin')).toBe('Iris — Backprop Studio');
    expect(windowTitle({ dirty: false, title: '  ' }, 'Backprop Studio', 'win32')).toBe('Untitled — Backprop Studio');
  });

  test('buttons follow each OS’s order', () => {
    expect(unsavedPrompt('Iris', 'close', 'win32')).toMatchObject({
      buttons: ['Save', 'Don’t Save', 'Cancel'],
      defaultId: 0,
      cancelId: 2,
    });
    expect(unsavedPrompt('Iris', 'close', 'darwin')).toMatchObject({
      buttons: ['Save', 'Cancel', 'Don’t Save'],
      defaultId: 0,
      cancelId: 1,
    });
  });
});
