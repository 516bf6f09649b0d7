import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseCsv, profileTable } from '../index.ts';

const fixture = (name: string) =>
  parseCsv(new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url))));

describe('profile: a target with one class', () => {
  test('is warned about, with the class named', () => {
    const p = profileTable(fixture('target-one-class.csv'), { target: 'label' });
    expect(p.warnings.filter((w) => w.code === 'data/target-one-class').map((w) => w.message)).toEqual([
      "The target column 'label' has only one value ('yes'), so there is nothing to tell apart. Choose a target with at least two different values.",
    ]);
  });
});

describe('profile: number columns that give the class away by their ranges', () => {
  test("penguins_raw's Sample Number, a counter per species, is a likely leak", () => {
    const p = profileTable(fixture('penguins-raw.csv'), { target: 'Species' });
    expect(p.warnings.filter((w) => w.code === 'data/possible-leak').map((w) => w.message)).toEqual([
      "Column 'Sample Number' gives the target 'Species' away by its ranges (it counts 1, 2, 3, … afresh within each class, so its largest values tell the classes apart), so it is likely a leak: a number assigned per class, such as a sample counter, rather than a measurement. Set its role to ignore unless it is truly known before the target is.",
    ]);
  });

  test('values in a separate range per class are flagged; a measurement whose classes overlap is not', () => {
    const lines = ['code,size,label'];
    for (let i = 0; i < 60; i++) {
      const label = ['a', 'b', 'c'][i % 3]!;
      lines.push(`${(i % 3) * 1000 + i},${(i * 37) % 23},${label}`);
    }
    const p = profileTable(parseCsv(lines.join('\n')), { target: 'label' });
    expect(p.warnings.map((w) => w.message)).toEqual([
      "Column 'code' gives the target 'label' away by its ranges (its values fall in a separate range for each class), so it is likely a leak: a number assigned per class, such as a sample counter, rather than a measurement. Set its role to ignore unless it is truly known before the target is.",
    ]);
  });

  test('the samples raise no such warning (iris petals separate one class, not all)', () => {
    for (const [name, target] of [
      ['iris', 'species'],
      ['wine', 'cultivar'],
      ['penguins', 'species'],
      ['digits', 'digit'],
    ] as const) {
      const p = profileTable(parseCsv(new Uint8Array(readFileSync(`resources/samples/${name}.csv`))), { target });
      expect(p.warnings.filter((w) => w.code === 'data/possible-leak')).toEqual([]);
    }
  });
});
