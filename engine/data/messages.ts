/**
 * Every message of the dataset area: what happened, where, and how to fix it. One catalog per concern lives in
 * `messages/`; this joins them so every caller reads `messages.<name>`. Codes are stable, messages may be reworded.
 */
import { csvMessages } from './messages/csv.ts';
import { formatMessages } from './messages/formats.ts';
import { preparingMessages } from './messages/preparing.ts';
import { profileMessages } from './messages/profile.ts';

/** The catalog. */
export const messages = { ...csvMessages, ...formatMessages, ...profileMessages, ...preparingMessages };
