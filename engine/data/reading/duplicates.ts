/** Counts rows that repeat an earlier row exactly, with a typed-array hash table (no per-row objects). */
import type { ParsedTable, TableColumn } from './table.ts';

const scratch = new Float64Array(1);
const scratchBits = new Uint32Array(scratch.buffer);

/** 32-bit mix of a hash and a value (murmur3-style finalizer steps). */
function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x5bd1e995);
  return (h ^ (h >>> 15)) >>> 0;
}

function hashDouble(v: number): number {
  scratch[0] = v === v ? v : NaN; // every NaN hashes alike
  return (scratchBits[0]! ^ Math.imul(scratchBits[1]!, 0x27d4eb2d)) >>> 0;
}

function cellsEqual(col: TableColumn, a: number, b: number): boolean {
  const na = col.numbers[a]!;
  const nb = col.numbers[b]!;
  if (na !== nb && !(na !== na && nb !== nb)) return false;
  if (col.codes && col.codes[a] !== col.codes[b]) return false;
  if (col.dates) {
    const da = col.dates[a]!;
    const db = col.dates[b]!;
    if (da !== db && !(da !== da && db !== db)) return false;
  }
  return true;
}

/** Duplicate rows found, and the identifier columns they were compared without. */
export interface Duplicates {
  count: number;
  /** Line of the first row that repeats an earlier one (0 if none). */
  firstLine: number;
  ignored: string[];
}

/**
 * Rows equal to some earlier row in every column except identifiers (an id or row number makes every
 * row unique, hiding real repeats).
 */
export function countDuplicateRows(table: ParsedTable): Duplicates {
  const rows = table.rows;
  const columns = table.columns.filter((c) => c.inferred.type !== 'identifier');
  const ignored = table.columns.filter((c) => c.inferred.type === 'identifier').map((c) => c.name);
  const hashes = new Uint32Array(rows).fill(0x9e3779b9);
  for (const col of columns) {
    for (let i = 0; i < rows; i++) {
      let h = mix(hashes[i]!, hashDouble(col.numbers[i]!));
      if (col.codes) h = mix(h, col.codes[i]! >>> 0);
      if (col.dates) h = mix(h, hashDouble(col.dates[i]!));
      hashes[i] = h;
    }
  }
  let size = 16;
  while (size < rows * 2) size *= 2;
  const slots = new Int32Array(size).fill(-1);
  let count = 0;
  let firstLine = 0;
  for (let i = 0; i < rows; i++) {
    let s = hashes[i]! & (size - 1);
    for (;;) {
      const j = slots[s]!;
      if (j === -1) {
        slots[s] = i;
        break;
      }
      if (hashes[j] === hashes[i] && columns.every((c) => cellsEqual(c, i, j))) {
        count++;
        if (firstLine === 0) firstLine = table.lineNumbers[i]!;
        break;
      }
      s = (s + 1) & (size - 1);
    }
  }
  return { count, firstLine, ignored };
}
