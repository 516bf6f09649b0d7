/**
 * Every message the browser extension shows: what happened, where, and how to fix it. The size limit's message
 * is the data reader's own (engine/data), so a page's table or CSV link that is too large reads like a file.
 */
import { csvTooLargeMessage } from '../engine/data/index.ts';

const quote = (text: string): string => (text.length > 40 ? `'${text.slice(0, 37)}…'` : `'${text}'`);

/** The catalog. */
export const extensionMessages = {
  tooLarge: (name: string, bytes: number, max: number): string => csvTooLargeMessage(name, bytes, max),
  noTable: (): string =>
    'This page has no table (no <table> element). Right-click a table, or use "Open CSV in Backprop Studio" on a link to a CSV file.',
  manyTables: (count: number): string =>
    `This page has ${count} tables, and none holds the selected text. Select some text in the table you want ` +
    '(drag across a cell), then choose "Open this table in Backprop Studio" again.',
  emptyTable: (): string => 'This table has no rows with cells. Choose a table that holds data.',
  headerOnly: (columns: number): string =>
    `This table has a header (${columns} columns) but no data rows below it. Choose a table that holds data.`,
  nestedTable: (row: number, column: number): string =>
    `This table has another table inside its cell at row ${row}, column ${column}, so its rows cannot be read as one ` +
    'grid. Select text in the inner table to open that one, or save the data as CSV and import it.',
  spanningCell: (row: number, column: number, span: number, text: string): string =>
    `Row ${row} of this table has a cell spanning ${span} columns (${quote(text)}, from column ${column}), so its values ` +
    'do not line up with the columns. Open a table without such rows, or save the data as CSV and import it.',
  notHttp: (url: string): string =>
    `The link ${quote(url)} is not an http or https address, so the extension cannot fetch it. Download the file and ` +
    'import it with Import CSV.',
  httpStatus: (url: string, status: number, statusText: string): string =>
    `The server answered ${status}${statusText ? ` ${statusText}` : ''} for ${url}, so there is no CSV to open. Check the ` +
    'link on the page, or download the file and import it with Import CSV.',
  webPage: (url: string): string =>
    `The link ${url} leads to a web page (text/html), not a CSV file; the site may want you to sign in or click ` +
    'through first. Download the file from the page and import it with Import CSV.',
  fetchFailed: (url: string, reason: string): string =>
    `The CSV at ${url} could not be fetched (${reason}). The server may not let other sites read it, or the network is ` +
    'down: download the file and import it with Import CSV.',
  inboxTaken: (): string =>
    'This tab was opened for a table or CSV that was already taken (the tab was reloaded or duplicated). ' +
    'Use the menu on the page again to open it.',
  inboxFailed: (reason: string): string =>
    `The table or CSV from the page could not be taken from the extension's storage (${reason}). Use the menu on ` +
    'the page again to open it.',
  fromPage: (message: string, page: { title: string; url: string }): string =>
    `${message} (page: ${page.title || page.url})`,
  noFrame: (reason: string): string =>
    `The extension could not read this page (${reason}). Browser pages and the Web Store cannot be read by extensions; ` +
    'on other pages, reload the page and try again.',
} as const;
