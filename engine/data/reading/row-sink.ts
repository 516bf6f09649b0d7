/** Receives parsed rows: reads the header, checks each row's width, and fills the column builders. */
import { DatasetError, type Problem } from '../../errors.ts';
import type { MissingMarkers } from './cells.ts';
import { ColumnBuilder, type FormatEvidence } from './column-builder.ts';
import type { ColumnArrays } from './column-types.ts';
import { grow, trim } from './growable.ts';
import { renameDuplicates } from './header-names.ts';
import { messages } from '../messages.ts';

/** How many example rows a message about malformed rows names. */
export const EXAMPLE_ROWS = 5;
/** Most columns a file may have: each costs memory up front, and a wrong delimiter can split one line into millions. */
export const MAX_COLUMNS = 100_000;
/** Renamed duplicate headers named one warning each; the rest are counted in one more. */
const NAMED_RENAMES = 5;

/** The columns read so far, before typing. */
export interface SinkResult {
  names: string[];
  columns: ColumnArrays[];
  /** Per column, what it gathered about a decimal comma and day-first or month-first dates. */
  evidence: FormatEvidence[];
  rows: number;
  lineNumbers: Int32Array;
  warnings: Problem[];
}

function isBlank(fields: readonly string[]): boolean {
  return fields.length === 1 && fields[0]!.trim() === '';
}

/** Collects the rows of one file, in order. */
export class RowSink {
  private names: string[] | null = null;
  private builders: ColumnBuilder[] = [];
  private lines = new Int32Array(1024);
  private readonly headerWarnings: { index: number; problem: Problem }[] = [];
  private raggedRows: number[] = [];
  private raggedWidths: number[] = [];
  private raggedCount = 0;
  private trailingCount = 0;
  /** Line where the next row starts. */
  nextLine = 1;
  /** Data rows kept so far. */
  rows = 0;

  constructor(
    private readonly hasHeader: boolean,
    private readonly markers: MissingMarkers,
    private readonly decimalComma: boolean,
    private readonly skipRagged: boolean,
    /** Gather evidence of a decimal comma per column (see `ColumnBuilder`). */
    private readonly detectDecimalComma = false,
    /** Gather evidence of ',' between thousands per column. */
    private readonly detectGrouping = false,
  ) {}

  /** Makes room for about `rows` rows up front (from the file size), so columns need not grow. */
  reserve(rows: number): void {
    for (const b of this.builders) b.reserve(rows);
    if (rows > this.lines.length) this.lines = grow(this.lines, rows, null);
  }

  /** Adds a row of fields that spans `span` lines of the file. */
  add(fields: string[], span: number): void {
    const line = this.nextLine;
    this.nextLine += span;
    if (isBlank(fields)) return;
    if (this.names === null) {
      this.startColumns(fields, line);
      if (this.hasHeader) return;
    }
    const width = this.builders.length;
    if (fields.length !== width && !this.fitsWidth(fields, width)) {
      this.raggedCount++;
      if (this.raggedRows.length < EXAMPLE_ROWS) {
        this.raggedRows.push(line);
        this.raggedWidths.push(fields.length);
      }
      return;
    }
    for (let j = 0; j < width; j++) this.builders[j]!.push(j < fields.length ? fields[j]! : '');
    if (this.rows === this.lines.length) this.lines = grow(this.lines, this.lines.length * 2, null);
    this.lines[this.rows++] = line;
  }

  /** A row one value short of an unnamed last column, or with extra empty values, still fits. */
  private fitsWidth(fields: readonly string[], width: number): boolean {
    if (fields.length === width - 1) return this.names![width - 1] === '';
    if (fields.length < width) return false;
    for (let j = width; j < fields.length; j++) if (fields[j]!.trim() !== '') return false;
    this.trailingCount++;
    return true;
  }

  private startColumns(first: readonly string[], line: number): void {
    if (first.length > MAX_COLUMNS) throw new DatasetError(messages.tooManyColumns(first.length, MAX_COLUMNS, line));
    const names = this.hasHeader ? first.map((n) => n.trim()) : first.map((_, i) => `column ${i + 1}`);
    const renamed = renameDuplicates(names);
    for (const { index, original, name } of renamed.slice(0, NAMED_RENAMES)) {
      this.headerWarnings.push({ index, problem: messages.duplicateHeader(index, original, name) });
    }
    if (renamed.length > NAMED_RENAMES) {
      const index = renamed[NAMED_RENAMES]!.index;
      this.headerWarnings.push({
        index,
        problem: messages.moreDuplicateHeaders(renamed.length - NAMED_RENAMES, index),
      });
    }
    this.names = names;
    this.builders = names.map(
      () => new ColumnBuilder(this.markers, this.decimalComma, this.detectDecimalComma, this.detectGrouping),
    );
  }

  /** Finishes reading: checks for no data and malformed rows, names unnamed columns, drops a trailing empty one. */
  finish(): SinkResult {
    if (this.names === null) throw new DatasetError(messages.emptyFile());
    if (this.rows === 0 && this.raggedCount === 0) throw new DatasetError(messages.headerOnly(this.names.length));
    const warnings: Problem[] = [];
    const width = this.names.length;
    if (this.raggedCount > 0) {
      const args = [this.raggedRows, this.raggedWidths, width, this.raggedCount] as const;
      if (!this.skipRagged) throw new DatasetError(messages.raggedRows(...args));
      if (this.rows === 0) throw new DatasetError(messages.allRowsRagged(...args));
      warnings.push(messages.skippedRows(this.raggedRows, this.raggedCount, width));
    }
    const names = [...this.names];
    let columns = this.builders.map((b) => b.finish());
    let evidence = this.builders.map((b) => b.evidence);
    const last = columns[width - 1]!;
    const lastEmpty =
      names[width - 1] === '' && last.codes === null && last.dates === null && last.numbers.every(Number.isNaN);
    if (lastEmpty && width > 1) {
      names.pop();
      columns = columns.slice(0, -1);
      evidence = evidence.slice(0, -1);
      warnings.push(messages.trailingDelimiter(this.rows));
    } else if (this.trailingCount > 0) {
      warnings.push(messages.trailingDelimiter(this.trailingCount));
    }
    const taken = new Set(names);
    let k = 1;
    let unnamed = 0;
    let firstUncounted = -1;
    for (const [i, name] of names.entries()) {
      if (name !== '') continue;
      // k only grows, so each candidate is tried once: linear however many columns are unnamed
      k = Math.max(k, i + 1);
      while (taken.has(`column ${k}`)) k++;
      names[i] = `column ${k}`;
      taken.add(names[i]!);
      if (++unnamed <= NAMED_RENAMES)
        this.headerWarnings.push({ index: i, problem: messages.emptyHeader(i, names[i]!) });
      else if (firstUncounted === -1) firstUncounted = i;
    }
    if (firstUncounted !== -1) {
      this.headerWarnings.push({
        index: firstUncounted,
        problem: messages.moreEmptyHeaders(unnamed - NAMED_RENAMES, firstUncounted),
      });
    }
    this.headerWarnings.sort((a, b) => a.index - b.index);
    warnings.unshift(...this.headerWarnings.map((h) => h.problem));
    if (this.rows === 0) throw new DatasetError(messages.headerOnly(names.length));
    return { names, columns, evidence, rows: this.rows, lineNumbers: trim(this.lines, this.rows), warnings };
  }
}
