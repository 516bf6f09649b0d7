/// <reference path="./papaparse-module.d.ts" />
/** The one place the engine imports papaparse, so every tsconfig that reaches it also sees its types. */
import Papa, { type PapaParser, type PapaResult } from 'papaparse/papaparse.js';

export type { PapaParser, PapaResult };

/** A papaparse parser splitting on `delimiter`, with lines already normalized to `\n`. */
export function createPapaParser(delimiter: string, preview?: number): PapaParser {
  return new Papa.Parser(preview === undefined ? { delimiter, newline: '\n' } : { delimiter, newline: '\n', preview });
}
