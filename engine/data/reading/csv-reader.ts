/**
 * The streaming CSV reader: bytes → text (encoding detection) → one line-ending style → papaparse,
 * chunk by chunk, into compact columns. Memory holds the columns plus one chunk, never the whole text.
 */
import { DatasetError, type Problem } from '../../errors.ts';
import { missingMarkers, type MissingMarkers } from './cells.ts';
import { readColumnFormat } from './column-format.ts';
import { readingOf } from './csv-reading.ts';
import { summarizeColumn } from './column-summary.ts';
import { inferColumn } from './infer-column.ts';
import { messages } from '../messages.ts';
import { readNonFinite } from './non-finite.ts';
import { createPapaParser, type PapaParser, type PapaResult } from './papa.ts';
import { RowSink } from './row-sink.ts';
import { DELIMITERS, detectDelimiter, detectHeader, sampleRows } from './sniff.ts';
import type { CsvOptions, CsvProgress, ParsedTable, TableColumn } from './table.ts';
import { ChunkDecoder } from './text-decoder.ts';

/** Text gathered before guessing the delimiter and header. */
const SAMPLE_CHARS = 64 * 1024;
/** Pieces a large pushed chunk is cut into, so papaparse never holds more than this many rows at once. */
const PIECE_BYTES = 1 << 20;
/** A record longer than this is taken as an unclosed quote rather than read on to the end of the file. */
const MAX_RECORD_CHARS = 16 << 20;

/** Incremental reader: `push` chunks in file order, then `finish`. */
export interface CsvReader {
  /** Adds the next piece of the file (bytes, or text already decoded). */
  push(chunk: Uint8Array | string): void;
  /** Reads what is left and returns the table; throws `DatasetError` for unreadable input. */
  finish(): ParsedTable;
}

function lineSpan(fields: readonly string[]): number {
  let span = 1;
  for (const f of fields) {
    let at = f.indexOf('\n');
    while (at !== -1) {
      span++;
      at = f.indexOf('\n', at + 1);
    }
  }
  return span;
}

class StreamingCsvReader implements CsvReader {
  private readonly decoder = new ChunkDecoder();
  private readonly markers: MissingMarkers;
  private sample = '';
  private heldCr = false;
  private partial = '';
  private parser: PapaParser | null = null;
  private sink: RowSink | null = null;
  private delimiter = ',';
  private hasHeader = true;
  private lineEnding: ParsedTable['lineEnding'] = null;
  private bytes = 0;
  private isFirstText = true;
  private readonly warnings: Problem[] = [];

  constructor(
    private readonly options: CsvOptions,
    private readonly onProgress?: (p: CsvProgress) => void,
  ) {
    if (options.delimiter !== undefined && !DELIMITERS.includes(options.delimiter)) {
      throw new DatasetError(messages.badDelimiter(options.delimiter));
    }
    this.markers = missingMarkers(options.missingValues);
  }

  push(chunk: Uint8Array | string): void {
    const size = typeof chunk === 'string' ? chunk.length : chunk.byteLength;
    for (let start = 0; start < size; start += PIECE_BYTES) {
      if (typeof chunk === 'string') {
        this.text(chunk.slice(start, start + PIECE_BYTES), false);
      } else {
        this.decoded(this.decoder.decode(chunk.subarray(start, start + PIECE_BYTES), false), false);
      }
    }
    this.bytes += size;
    const total = this.options.totalBytes;
    this.onProgress?.({
      bytes: this.bytes,
      rows: this.sink?.rows ?? 0,
      fraction: total ? Math.min(1, this.bytes / total) : null,
    });
  }

  finish(): ParsedTable {
    this.decoded(this.decoder.decode(new Uint8Array(0), true), true);
    if (!this.sink) throw new DatasetError(messages.emptyFile());
    const result = this.sink.finish();
    const warnings: Problem[] = [...this.warnings, ...result.warnings];
    const columns: TableColumn[] = result.columns.map((read, i) => {
      const name = result.names[i]!;
      const context = {
        name,
        rows: result.rows,
        lineNumbers: result.lineNumbers,
        markers: this.markers,
        dateOrder: this.options.dateOrder,
      };
      const settled = readColumnFormat(read, result.evidence[i]!, context);
      const { format } = settled;
      const { arrays, warnings: infinite } = readNonFinite(settled.arrays, context);
      warnings.push(...settled.warnings, ...infinite);
      const summary = summarizeColumn(arrays, result.rows);
      return {
        name,
        format,
        ...arrays,
        missing: read.missing ?? null,
        summary,
        inferred: inferColumn(arrays, summary),
      };
    });
    return {
      columns,
      reading: readingOf(this.options, columns),
      rows: result.rows,
      lineNumbers: result.lineNumbers,
      delimiter: this.delimiter,
      hasHeader: this.hasHeader,
      encoding: this.decoder.encoding,
      lineEnding: this.lineEnding,
      missingValues: this.markers.list,
      warnings,
    };
  }

  /** Passes decoded text on, noting the row where the file stopped being UTF-8. */
  private decoded(text: string, final: boolean): void {
    const at = this.decoder.takeFallback();
    if (at !== null) {
      const pending = this.partial + this.sample + text.slice(0, at);
      let line = this.sink ? this.sink.nextLine : 1;
      for (let i = pending.indexOf('\n'); i !== -1; i = pending.indexOf('\n', i + 1)) line++;
      this.warnings.push(messages.notUtf8(line));
    }
    this.text(text, final);
  }

  /** Normalizes line endings to `\n` (a `\r` at a chunk's end waits for a possible `\n`). */
  private text(text: string, final: boolean): void {
    if (this.isFirstText && text.length > 0) {
      this.isFirstText = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (text.slice(0, 8192).includes('\u0000')) throw new DatasetError(messages.binaryFile());
    }
    if (this.heldCr) {
      text = `\r${text}`;
      this.heldCr = false;
    }
    if (!final && text.endsWith('\r')) {
      text = text.slice(0, -1);
      this.heldCr = true;
    }
    if (this.lineEnding === null) this.noteLineEnding(text);
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
    if (this.parser) return this.parse(text, final);
    this.sample += text;
    if (this.sample.length >= SAMPLE_CHARS || final) this.start(final);
  }

  private noteLineEnding(text: string): void {
    const at = text.search(/[\r\n]/);
    if (at === -1) return;
    if (text[at] === '\n') this.lineEnding = '\n';
    else this.lineEnding = text[at + 1] === '\n' ? '\r\n' : '\r';
  }

  /** Guesses the format from the sample, then parses the sample. */
  private start(final: boolean): void {
    const sample = this.sample;
    this.sample = '';
    if (sample.trim() === '') {
      if (final) throw new DatasetError(messages.emptyFile());
      this.sample = sample;
      return;
    }
    const decimalComma = this.options.decimal === ',';
    this.delimiter = this.options.delimiter ?? detectDelimiter(sample, final);
    // A comma-delimited file cannot hold an unquoted decimal comma, so its commas are never reinterpreted.
    const detectDecimalComma = this.options.decimal === undefined && this.delimiter !== ',';
    const rows = sampleRows(sample, this.delimiter, final);
    this.hasHeader = this.options.header ?? detectHeader(rows, decimalComma || detectDecimalComma);
    this.parser = createPapaParser(this.delimiter);
    // Where ',' cannot be a decimal comma, a quoted `"69,748"` can only group thousands.
    const detectGrouping = !decimalComma && !detectDecimalComma;
    this.sink = new RowSink(
      this.hasHeader,
      this.markers,
      decimalComma,
      this.options.raggedRows === 'skip',
      detectDecimalComma,
      detectGrouping,
    );
    this.parse(sample, final);
    const total = this.options.totalBytes;
    if (total && !final && this.sink.rows > 0) {
      this.sink.reserve(Math.ceil(((this.sink.rows * total) / (sample.length - this.partial.length)) * 1.02) + 16);
    }
  }

  private parse(text: string, final: boolean): void {
    const sink = this.sink!;
    const input = this.partial + text;
    const result: PapaResult = this.parser!.parse(input, 0, !final);
    this.partial = final ? '' : input.slice(result.meta.cursor);
    const quoted = input.includes('"');
    const spans = quoted ? result.data.map(lineSpan) : null;
    for (const error of result.errors) this.noteError(error.code, error.row, spans, final, result.data.length);
    for (let i = 0; i < result.data.length; i++) sink.add(result.data[i]!, spans ? spans[i]! : 1);
    if (this.partial.length > MAX_RECORD_CHARS) throw new DatasetError(messages.unclosedQuote(sink.nextLine));
  }

  private noteError(code: string, row: number, spans: number[] | null, final: boolean, rows: number): void {
    if (row >= rows && !final) return; // about the partial last row: it is parsed again with the next chunk
    let line = this.sink!.nextLine;
    for (let i = 0; i < row && spans && i < spans.length; i++) line += spans[i]!;
    if (code === 'InvalidQuotes') throw new DatasetError(messages.malformedQuote(line));
    if (code === 'MissingQuotes') throw new DatasetError(messages.unclosedQuote(line));
  }
}

/** Starts a streaming read; `onProgress` is called after each pushed chunk. */
export function createCsvReader(options: CsvOptions = {}, onProgress?: (p: CsvProgress) => void): CsvReader {
  return new StreamingCsvReader(options, onProgress);
}

/** Reads a whole CSV held in memory (bytes or text) into a table. */
export function parseCsv(input: string | Uint8Array, options: CsvOptions = {}): ParsedTable {
  const reader = createCsvReader(options);
  reader.push(input);
  return reader.finish();
}
