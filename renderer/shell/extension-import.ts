/**
 * The studio tab the browser extension opens for a page's table or CSV link: its address names an inbox
 * record (extension/inbox.ts), which is taken once and imported like a file, with the page as its source.
 */
import { INBOX_PARAM, takeInboxItem, type SourcePage } from '../../extension/inbox.ts';
import { extensionMessages } from '../../extension/messages.ts';

/** What taking the hand-over needs from the app. */
export interface ExtensionImportDeps {
  /** The page's address (`location`), and a way to drop the inbox key from it so a reload does not repeat it. */
  location: { search: string; pathname: string };
  replaceUrl: (url: string) => void;
  importCsv: (name: string, csv: Blob, sourcePage: SourcePage) => Promise<void>;
  showError: (message: string) => void;
}

/** Import what the extension handed to this tab, if anything; true when the address named a record. */
export async function takeExtensionImport(deps: ExtensionImportDeps): Promise<boolean> {
  const key = new URLSearchParams(deps.location.search).get(INBOX_PARAM);
  if (!key) return false;
  deps.replaceUrl(deps.location.pathname);
  let item;
  try {
    item = await takeInboxItem(key);
  } catch (e) {
    deps.showError(extensionMessages.inboxFailed(e instanceof Error ? e.message : String(e)));
    return true;
  }
  if (!item) deps.showError(extensionMessages.inboxTaken());
  else if (item.kind === 'error') deps.showError(extensionMessages.fromPage(item.message, item.page));
  else await deps.importCsv(item.name, item.csv, item.page);
  return true;
}
