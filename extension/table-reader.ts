/**
 * Entry of `table-reader.js`, the script `chrome.scripting.executeScript` injects on the menu click. Its
 * last expression is what the injection returns (build-extension.mjs appends the call to the bundle).
 */
import { MAX_CSV_BYTES } from '../engine/data/index.ts';
import { readSelectedTable, type TableReading } from './table-dom.ts';

/** Read the chosen table of this page. */
export function readTableOfThisPage(): TableReading {
  return readSelectedTable(document, MAX_CSV_BYTES);
}
