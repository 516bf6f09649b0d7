/** Mangled files never crash the pipeline: every failure is a DatasetError with a message for the user. */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { Random } from '../random.ts';
import { DatasetError } from '../errors.ts';
import { applyPreprocessing, parseCsv, prepareDataset, profileTable, type ParsedTable } from './index.ts';

const fixtures = readdirSync(new URL('./fixtures/', import.meta.url)).map((n) =>
  readFileSync(new URL(`./fixtures/${n}`, import.meta.url)),
);
const penguins = readFileSync('resources/samples/penguins.csv').subarray(0, 3000);
const sources = [...fixtures, penguins].map((b) => new Uint8Array(b));
const NOISE = [0x22, 0x2c, 0x3b, 0x0a, 0x0d, 0x00, 0xff, 0xc3, 0x20, 0x09, 0x7c, 0x4e, 0x41];

function mangle(bytes: Uint8Array, random: Random): Uint8Array {
  const out = Array.from(bytes);
  const edits = 1 + random.int(6);
  for (let e = 0; e < edits; e++) {
    const at = random.int(out.length + 1);
    const kind = random.int(8);
    if (kind < 3) out.splice(at, 0, NOISE[random.int(NOISE.length)]!);
    else if (kind < 5) out.splice(at, 1 + random.int(4));
    else if (kind < 7 && out.length > 0) out[at % out.length] = NOISE[random.int(NOISE.length)]!;
    else out.length = Math.min(out.length, at);
  }
  return Uint8Array.from(out);
}

function exercise(table: ParsedTable, random: Random): void {
  profileTable(table, { target: table.columns.at(-1)!.name, preprocess: random.next() < 0.5 });
  const d = prepareDataset(
    table,
    { target: table.columns.at(-1)!.name, split: { validation: 0.1, test: 0.3 } },
    random.int(100),
  );
  for (const s of [d.train, d.validation, d.test]) expect(s.x.every(Number.isFinite)).toBe(true);
  applyPreprocessing(JSON.parse(JSON.stringify(d.preprocessing)), table);
}

test('1,500 mangled files: only DatasetErrors, never a crash or a NaN feature', () => {
  const random = new Random(2024);
  const failures: string[] = [];
  for (let i = 0; i < 1500; i++) {
    const bytes = mangle(sources[random.int(sources.length)]!, random);
    try {
      exercise(parseCsv(bytes, { raggedRows: random.next() < 0.5 ? 'skip' : 'error' }), random);
    } catch (e) {
      if (!(e instanceof DatasetError))
        failures.push(`${String(e)} on ${JSON.stringify(new TextDecoder().decode(bytes).slice(0, 200))}`);
    }
  }
  expect(failures).toEqual([]);
});
