/**
 * The slice of papaparse the engine uses: its low-level, chunk-friendly parser.
 * Declared here, instead of using @types/papaparse, because those types pull in Node's types,
 * which would let Node-only code compile inside the engine unnoticed.
 */
declare module 'papaparse/papaparse.min.js' {
  /** One parse problem papaparse reports. */
  export interface PapaError {
    type: string;
    code: string;
    message: string;
    /** Index of the row in this call's `data`. */
    row: number;
  }
  /** The result of one `parse` call. */
  export interface PapaResult {
    data: string[][];
    errors: PapaError[];
    meta: { cursor: number; delimiter: string; linebreak: string; aborted: boolean; truncated: boolean };
  }
  /** papaparse's parser state machine. */
  export interface PapaParser {
    /** Parses `input`; with `ignoreLastRow` the last (maybe partial) row is left for the next call. */
    parse(input: string, baseIndex: number, ignoreLastRow: boolean): PapaResult;
  }
  /** The papaparse namespace object. */
  const Papa: {
    Parser: new (config: {
      delimiter: string;
      newline: '\n' | '\r\n' | '\r';
      quoteChar?: string;
      preview?: number;
    }) => PapaParser;
  };
  export default Papa;
}
