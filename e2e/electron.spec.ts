/**
 * The desktop app end to end, through Playwright's Electron driver: import a CSV from the File menu, train,
 * save the project (atomically, through the save dialog), and reopen it the way the OS does (file association).
 * Native dialogs are answered from the test by replacing `dialog.*` in the main process.
 *
 * Where the Electron binary is not installed (or there is no display), every test here is reported as
 * skipped with the reason, never passed.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { findElectron } from '../scripts/electron-binary.mjs';
import { buildElectron, buildRenderer, RENDERER_OUT, ROOT } from '../scripts/electron-build.mjs';

const found = findElectron();
const IRIS = path.join(ROOT, 'resources', 'samples', 'iris.csv');

test.describe('desktop app', () => {
  test.skip(!found.ok, found.ok ? '' : `Electron can't run here: ${found.reason} ${found.fix}`);
  test.describe.configure({ mode: 'serial' });

  let scratch = '';

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    await buildElectron();
    if (!existsSync(path.join(RENDERER_OUT, 'index.html'))) buildRenderer();
    scratch = await mkdtemp(path.join(tmpdir(), 'bpstudio-e2e-'));
  });

  test.afterAll(async () => {
    if (scratch !== '') await rm(scratch, { recursive: true, force: true });
  });

  /** Starts the app from the repository (package.json "main") with its own app-data folder. */
  async function launch(userData: string, files: string[] = []): Promise<{ app: ElectronApplication; page: Page }> {
    if (!found.ok) throw new Error('unreachable: the suite is skipped without Electron');
    const sandboxFlags = process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    const app = await electron.launch({
      executablePath: found.binary,
      args: [ROOT, ...sandboxFlags, ...files],
      env: { ...process.env, BACKPROP_STUDIO_USER_DATA: userData },
    });
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    return { app, page };
  }

  /** Answers the next open and save dialogs with these paths; unsaved-changes prompts get "Don't Save". */
  async function answerDialogs(app: ElectronApplication, answers: { open?: string[]; save?: string[] }): Promise<void> {
    await app.evaluate(({ dialog }, queued) => {
      const open = [...(queued.open ?? [])];
      const save = [...(queued.save ?? [])];
      dialog.showOpenDialog = (async () => {
        const filePath = open.shift();
        return filePath === undefined ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [filePath] };
      }) as typeof dialog.showOpenDialog;
      dialog.showSaveDialog = (async () => {
        const filePath = save.shift();
        return filePath === undefined ? { canceled: true, filePath: '' } : { canceled: false, filePath };
      }) as typeof dialog.showSaveDialog;
      dialog.showMessageBox = (async (...args: unknown[]) => {
        const options = (args.length > 1 ? args[1] : args[0]) as { buttons?: string[] };
        const discard = options.buttons?.findIndex((label) => label.startsWith('Don')) ?? -1;
        return { response: Math.max(discard, 0), checkboxChecked: false };
      }) as typeof dialog.showMessageBox;
    }, answers);
  }

  /** Clicks a File-menu item by id, as the user would (the click handler runs in main). */
  async function clickMenu(app: ElectronApplication, id: string): Promise<void> {
    const clicked = await app.evaluate(({ Menu, BrowserWindow }, itemId) => {
      const item = Menu.getApplicationMenu()?.getMenuItemById(itemId);
      if (!item) return false;
      item.click(undefined, BrowserWindow.getAllWindows()[0], undefined);
      return true;
    }, id);
    expect(clicked, `menu item "${id}" exists`).toBe(true);
  }

  async function windowTitle(app: ElectronApplication): Promise<string> {
    return app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle() ?? '');
  }

  test('import a CSV, train, save the project, and reopen it', async () => {
    test.setTimeout(180_000);
    const projectPath = path.join(scratch, 'iris-study.bpstudio');
    const first = await launch(path.join(scratch, 'user-data-1'));
    try {
      const { app, page } = first;
      expect(await page.evaluate(() => typeof (window as { backpropDesktop?: unknown }).backpropDesktop)).toBe(
        'object',
      );
      expect(await page.evaluate(() => typeof (window as { require?: unknown }).require)).toBe('undefined');

      await answerDialogs(app, { open: [IRIS], save: [projectPath] });
      await clickMenu(app, 'import-csv');
      const target = page.getByLabel('Target column');
      await expect(target).toBeVisible({ timeout: 30_000 });
      await target.selectOption('species');

      await page.getByRole('tab', { name: /Train/ }).click();
      const start = page.getByRole('button', { name: 'Start training' });
      if (await start.isDisabled()) {
        // No network yet: take the first template the app suggests for this data.
        await page.getByRole('tab', { name: /Model/ }).click();
        await page.getByRole('group', { name: 'Templates' }).getByRole('button').first().click();
        await page.getByRole('tab', { name: /Train/ }).click();
      }
      await start.click();
      await expect(page.getByText(/Epoch \d+ \/ \d+/)).toBeVisible({ timeout: 60_000 });
      const stop = page.getByRole('button', { name: 'Stop' });
      if (await stop.isVisible()) await stop.click();
      await expect(page.getByRole('button', { name: 'Start training' })).toBeVisible({ timeout: 60_000 });

      await clickMenu(app, 'save');
      await expect.poll(() => existsSync(projectPath), { timeout: 30_000 }).toBe(true);
      const saved: unknown = JSON.parse(await readFile(projectPath, 'utf8'));
      expect(typeof saved).toBe('object');
      expect((await readdir(scratch)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      await expect.poll(() => windowTitle(app)).toMatch(/Backprop Studio$/);
    } finally {
      await first.app.close();
    }

    // A fresh app-data folder, so the project can only come from the file the OS hands over.
    const second = await launch(path.join(scratch, 'user-data-2'), [projectPath]);
    try {
      await expect(second.page.getByLabel('Target column')).toHaveValue('species', { timeout: 30_000 });
    } finally {
      await second.app.close();
    }
  });

  test('a crashed window is offered a reload and the app keeps working', async () => {
    const { app, page } = await launch(path.join(scratch, 'user-data-3'));
    try {
      await answerDialogs(app, { open: [IRIS] });
      await app.evaluate(({ dialog }) => {
        // "Reload" is the first button of the crash dialog.
        dialog.showMessageBox = (async () => ({ response: 0, checkboxChecked: false })) as typeof dialog.showMessageBox;
      });
      await app.evaluate(({ BrowserWindow }) =>
        BrowserWindow.getAllWindows()[0]?.webContents.forcefullyCrashRenderer(),
      );
      await expect
        .poll(
          () =>
            app.evaluate(({ BrowserWindow }) => {
              const contents = BrowserWindow.getAllWindows()[0]?.webContents;
              return contents !== undefined && !contents.isCrashed() && !contents.isLoading();
            }),
          { timeout: 30_000 },
        )
        .toBe(true);
      await answerDialogs(app, { open: [IRIS] });
      await clickMenu(app, 'import-csv');
      await expect(page.getByLabel('Target column')).toBeVisible({ timeout: 30_000 });
    } finally {
      await app.close();
    }
  });
});
