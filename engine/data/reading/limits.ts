/** The size limit of a CSV the app reads (a file import, a page's table or CSV link), and its check. */
import { DatasetError } from '../../errors.ts';
import { messages } from '../messages.ts';

/** Largest CSV the app reads: it is streamed, but its columns must fit in memory (the CLI's limit too). */
export const MAX_CSV_BYTES = 1024 ** 3;

/** The message for a CSV of `bytes` over `max` (a file import and the browser extension show the same one). */
export function csvTooLargeMessage(name: string, bytes: number, max = MAX_CSV_BYTES): string {
  return messages.fileTooLarge(name, bytes, max).message;
}

/** Refuse a CSV larger than `max` before any of it is read. */
export function checkCsvSize(name: string, bytes: number, max = MAX_CSV_BYTES): void {
  if (bytes > max) throw new DatasetError(messages.fileTooLarge(name, bytes, max));
}
