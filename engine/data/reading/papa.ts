/// <reference path="./papaparse-module.d.ts" />
/**
 * The one place the engine imports papaparse, so every tsconfig that reaches it also sees its types.
 * The minified build is the browser build: it has no `require('stream')`, so bundlers need no Node shim.
 */
import Papa, { type PapaParser, type PapaResult } from 'papaparse/papaparse.min.js';

export type { PapaParser, PapaResult };

/** A papaparse parser splitting on `delimiter`, with lines already normalized to `\n`. */
export function createPapaParser(delimiter: string, preview?: number): PapaParser {
  return new Papa.Parser(preview === undefined ? { delimiter, newline: '\n' } : { delimiter, newline: '\n', preview });
}
