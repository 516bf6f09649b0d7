/**
 * Fixtures for the browser-extension end-to-end tests: Chromium (new headless mode, which runs extensions)
 * with the unpacked extension from `npm run build:extension` in a persistent context, and a local web page
 * on 127.0.0.1 with tables and a CSV link.
 *
 * Playwright cannot click the browser's own context menu, and so cannot earn the `activeTab` grant a click
 * gives. The tests load a copy of dist/extension whose manifest adds host access to 127.0.0.1 only (the grant
 * the click would give for that page) and call the menu's handler in the service worker: the code a menu click
 * runs, from the reader injected into the page to the studio tab it opens.
 */
import { chromium, expect, test as base, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import config from '../../playwright.config.ts';
import { repoPath } from './fixtures.ts';

/** The web page server: tables.html at `/`, harbours.csv at `/data/harbours.csv`, anything else 404. */
function pageServer(): Promise<{ url: string; server: Server }> {
  const dir = repoPath('e2e/app/fixtures/web-page');
  const files: Record<string, [string, string]> = {
    '/': ['tables.html', 'text/html; charset=utf-8'],
    '/data/harbours.csv': ['harbours.csv', 'text/csv; charset=utf-8'],
  };
  const server = createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': file[1] }).end(readFileSync(path.join(dir, file[0])));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }),
    );
  });
}

/**
 * A copy of the built extension; with `grant`, host access to 127.0.0.1 is added to its manifest (the test's
 * stand-in for the click's grant), without it the manifest is the shipped one.
 */
function extensionUnderTest(grant: boolean): string {
  const built = repoPath('dist/extension');
  if (!existsSync(path.join(built, 'manifest.json'))) {
    throw new Error(
      'The extension is not built: run `npm run build:extension` (npm test does it) before the extension end-to-end tests.',
    );
  }
  const copy = mkdtempSync(path.join(tmpdir(), 'backprop-extension-'));
  cpSync(built, copy, { recursive: true });
  if (!grant) return copy;
  const manifest = JSON.parse(readFileSync(path.join(copy, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(
    path.join(copy, 'manifest.json'),
    JSON.stringify({ ...manifest, host_permissions: ['http://127.0.0.1/*'] }),
  );
  return copy;
}

/** What the extension tests get. */
export interface ExtensionFixtures {
  context: BrowserContext;
  /** The extension's service worker (background.js). */
  background: Worker;
  /** The studio page's address: chrome-extension://<id>/index.html. */
  studioUrl: string;
  /** The local web page's origin. */
  webUrl: string;
  /** Whether the loaded extension may read 127.0.0.1 as if the user had clicked its menu there (default true). */
  grantPageAccess: boolean;
}

/** Playwright's test with the extension loaded in a fresh profile, its service worker, and the local web page. */
export const test = base.extend<ExtensionFixtures>({
  grantPageAccess: [true, { option: true }],
  context: async ({ grantPageAccess }, use) => {
    const extension = extensionUnderTest(grantPageAccess);
    const profile = mkdtempSync(path.join(tmpdir(), 'backprop-profile-'));
    const launch = config.use?.launchOptions ?? {};
    const context = await chromium.launchPersistentContext(profile, {
      headless: true,
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
      ...(launch.executablePath ? { executablePath: launch.executablePath } : {}),
      args: [...(launch.args ?? []), `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
    });
    await use(context);
    await context.close();
    rmSync(extension, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  },
  background: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },
  studioUrl: async ({ background }, use) => {
    await use(new URL('index.html', background.url()).href);
  },
  webUrl: async ({}, use) => {
    const { url, server } = await pageServer();
    await use(url);
    // The browser keeps its connections alive: end them, or close() would wait for them to time out.
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  },
});

export { expect };

/** Select the text of `selector`'s first cell on `page`, as a user dragging across it does. */
export async function selectCellOf(page: Page, selector: string): Promise<void> {
  await page.locator(`${selector} td`).first().selectText();
}

/**
 * The studio tab opened after `before` was taken. Found among the context's pages by the studio's address
 * without its query: the studio drops `?inbox=…` from its address once it has read the item, which on a busy
 * machine can happen before Playwright sees the new tab (a 'page' event predicate on `?inbox=` then waited for
 * ever).
 */
export async function newStudioTab(context: BrowserContext, background: Worker, before: Page[]): Promise<Page> {
  const studio = new URL('index.html', background.url()).href;
  let page: Page | undefined;
  await expect
    .poll(() => (page = context.pages().find((p) => !before.includes(p) && p.url().startsWith(studio))) !== undefined, {
      timeout: 30_000,
    })
    .toBe(true);
  return page!;
}

/**
 * Run the menu item `menuItemId` of the extension on the page at `pageUrl` (its tab must be open) and return
 * the studio tab it opens, with the engine ready.
 */
export async function clickMenu(
  context: BrowserContext,
  background: Worker,
  menu: { menuItemId: 'open-table' | 'open-csv'; pageUrl: string; linkUrl?: string },
): Promise<Page> {
  const before = context.pages();
  await background.evaluate(async (info) => {
    interface Tab {
      url?: string;
    }
    const sw = globalThis as unknown as {
      chrome: { tabs: { query(q: object): Promise<Tab[]> } };
      backpropStudioMenuClicked: (click: object, tab: Tab | undefined) => Promise<void>;
    };
    // The page's tab, as the menu click hands it over: found by its address where the extension may see it,
    // else (the shipped manifest: no address visible) the active tab, the page the test opened last.
    const tab =
      (await sw.chrome.tabs.query({})).find((t) => t.url?.startsWith(info.pageUrl)) ??
      (await sw.chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0];
    // Without a tab the handler does nothing, and the test would only time out waiting for the studio.
    if (!tab) throw new Error('no tab to hand to the menu handler: the page the menu is clicked on is not found');
    await sw.backpropStudioMenuClicked({ ...info, frameId: 0 }, tab);
  }, menu);
  const studio = await newStudioTab(context, background, before);
  await expect(studio.getByText('Engine ready')).toBeVisible({ timeout: 30_000 });
  return studio;
}
