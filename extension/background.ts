/**
 * The extension's service worker: the toolbar button opens the studio in a tab; the two context-menu items read
 * the clicked page's table (the injected table-reader.js) or fetch the CSV a link points to, hand the result to
 * the studio through the inbox (inbox.ts) and open the studio tab on it. It holds no state between clicks.
 */
import { MAX_CSV_BYTES } from '../engine/data/index.ts';
import { fetchCsv } from './fetch-csv.ts';
import { INBOX_PARAM, putInboxItem, type InboxItem, type SourcePage } from './inbox.ts';
import { extensionMessages as m } from './messages.ts';
import type { TableReading } from './table-dom.ts';

/** The menu items: ids and titles. */
export const MENU = {
  table: { id: 'open-table', title: 'Open this table in Backprop Studio', contexts: ['page', 'selection', 'link'] },
  csv: { id: 'open-csv', title: 'Open CSV in Backprop Studio', contexts: ['link'] },
} as const;

/** Open the studio in a new tab (next to `opener` when given), on an inbox record when given. */
async function openStudio(inboxKey: string | null, opener?: chrome.tabs.Tab): Promise<void> {
  const path = inboxKey ? `index.html?${INBOX_PARAM}=${encodeURIComponent(inboxKey)}` : 'index.html';
  await chrome.tabs.create({
    url: chrome.runtime.getURL(path),
    ...(opener ? { index: opener.index + 1, ...(opener.id !== undefined ? { openerTabId: opener.id } : {}) } : {}),
  });
}

/** Read the chosen table of `tabId`'s frame with the injected reader. */
async function readTable(tabId: number, frameId: number, page: SourcePage): Promise<InboxItem> {
  let results: chrome.scripting.InjectionResult[];
  try {
    results = await chrome.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      files: ['table-reader.js'],
    });
  } catch (e) {
    return { kind: 'error', message: m.noFrame(e instanceof Error ? e.message : String(e)), page };
  }
  const reading = results[0]?.result as TableReading | undefined;
  if (!reading) return { kind: 'error', message: m.noFrame('the table reader returned nothing'), page };
  if (!reading.ok) return { kind: 'error', message: reading.message, page: reading.page };
  return { kind: 'csv', name: reading.name, csv: new Blob([reading.csv], { type: 'text/csv' }), page: reading.page };
}

/** Fetch the CSV behind a link of the page. */
async function readLink(link: string, page: SourcePage): Promise<InboxItem> {
  const fetched = await fetchCsv(link, MAX_CSV_BYTES);
  return fetched.ok
    ? { kind: 'csv', name: fetched.name, csv: fetched.csv, page }
    : { kind: 'error', message: fetched.message, page };
}

/** A click on one of the menu items: read what it names, then open the studio on it. */
export async function onMenuClicked(info: chrome.contextMenus.OnClickData, tab?: chrome.tabs.Tab): Promise<void> {
  const page = { title: tab?.title ?? '', url: info.frameUrl ?? info.pageUrl ?? tab?.url ?? '' };
  let item: InboxItem;
  if (info.menuItemId === MENU.table.id && tab?.id !== undefined)
    item = await readTable(tab.id, info.frameId ?? 0, page);
  else if (info.menuItemId === MENU.csv.id && info.linkUrl) item = await readLink(info.linkUrl, page);
  else return;
  await openStudio(await putInboxItem(item), tab);
}

chrome.runtime.onInstalled.addListener(() => {
  void chrome.contextMenus.removeAll().then(() => {
    for (const item of Object.values(MENU)) chrome.contextMenus.create({ ...item, contexts: [...item.contexts] });
  });
});
chrome.action.onClicked.addListener((tab) => void openStudio(null, tab));
chrome.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(info, tab));

// The end-to-end tests call the handlers here: Playwright cannot click the browser's own menu or toolbar.
Object.assign(globalThis, {
  backpropStudioMenuClicked: onMenuClicked,
  backpropStudioToolbarClicked: (tab?: chrome.tabs.Tab) => openStudio(null, tab),
});
