import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatProfile, parseCsv, profileTable } from '../index.ts';

const sample = (name: string) => parseCsv(new Uint8Array(readFileSync(`resources/samples/${name}.csv`)));
const fixture = (name: string) =>
  parseCsv(new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url))));

/** 60 rows: a leak, a constant, a mostly missing column, an id, stray text, an imbalanced target, a duplicate. */
function messyCsv(): string {
  const lines = ['id,code,same,sparse,size,weight,label'];
  for (let i = 0; i < 60; i++) {
    const label = i < 54 ? 'common' : 'rare';
    const code = label === 'common' ? `c${i % 3}` : 'r';
    const sparse = i % 4 === 0 ? String(i) : '';
    const size = i === 7 ? 'big' : String((i * 13) % 17);
    lines.push(`u${i * 31},${code},1,${sparse},${size},${1000 + ((i * 7919) % 5000)},${label}`);
  }
  lines.push(lines[5]!.replace(/^u\d+/, 'u9999'));
  return lines.join('\n');
}

describe('profileTable', () => {
  test('per-column statistics, top values and histogram', () => {
    const p = profileTable(sample('penguins'), { target: 'species' });
    const bill = p.columns.find((c) => c.name === 'bill_length_mm')!;
    expect(bill).toMatchObject({ type: 'numeric', missing: 2, distinct: 164, min: 32.1, max: 59.6, exclusion: null });
    expect(bill.histogram).toHaveLength(10);
    expect(bill.histogram.reduce((s, b) => s + b.count, 0)).toBe(342);
    expect(p.columns.find((c) => c.name === 'sex')!.topValues).toEqual([
      { value: 'male', count: 168 },
      { value: 'female', count: 165 },
    ]);
    expect(p.target).toEqual({
      name: 'species',
      task: 'classification',
      classes: [
        { value: 'Adelie', count: 152 },
        { value: 'Gentoo', count: 124 },
        { value: 'Chinstrap', count: 68 },
      ],
    });
    expect(p.warnings).toEqual([]);
  });

  test('every data-quality warning, with its exact message', () => {
    const p = profileTable(parseCsv(messyCsv()), { target: 'label', preprocess: false });
    expect(p.duplicateRows).toBe(1);
    expect(p.warnings.map((w) => w.message)).toEqual([
      "Column 'id' is left out because it looks like an identifier (61 different values in 61 rows). Set its role to feature (as categorical) to use it anyway.",
      "Column 'same' is left out because it has the same value ('1') in every row, so it cannot help a prediction.",
      '74% of column \'sparse\' is missing; the filled-in values may mislead the model. Consider ignoring the column or adding a "was missing" indicator.',
      "Column 'size' holds numbers, but 1 row has text instead (row 9: 'big'). They are treated as missing; fix them in the file if they are real numbers (for a decimal comma, set the decimal separator to ',').",
      "1 row repeats an earlier row (apart from 'id'), first at row 62. Duplicates can land in both the training and test splits and make scores look better than they are; remove them if they are not real repeats.",
      "The classes of column 'label' are imbalanced: 'rare' has 6 rows and 'common' has 55. Accuracy can look good while 'rare' is mostly missed; check per-class recall, or collect more 'rare' rows.",
      "Column 'code' predicts the target 'label' perfectly (each of its 4 values goes with a single class), so it may be a copy of the answer (a leak). Set its role to ignore unless it is truly known before the target is.",
      "Features have very different scales ('size' spans 16, 'weight' spans 4,707) and scaling is off, so training may be slow or unstable. Turn preprocessing on to standardize them.",
    ]);
  });

  test('a numeric copy of a regression target is flagged as a leak', () => {
    const lines = ['x,twice,y'];
    for (let i = 0; i < 30; i++) lines.push(`${(i * 7) % 11},${i * 2.5 + 0.1},${i + 0.5}`);
    const p = profileTable(parseCsv(lines.join('\n')), { target: 'y' });
    expect(p.warnings.map((w) => w.code)).toEqual(['data/possible-leak']);
    expect(p.warnings[0]!.path).toBe("column 'twice'");
  });

  test('an unknown target is a DatasetError listing the columns', () => {
    expect(() => profileTable(sample('iris'), { target: 'Species' })).toThrowError(
      "The target column 'Species' is not in the file. Choose one of: 'sepal_length_cm', 'sepal_width_cm', 'petal_length_cm', 'petal_width_cm', 'species'.",
    );
  });
});

describe('profileTable: classes that differ only in case', () => {
  test('a class target with Setosa and setosa is warned about, naming every colliding label', () => {
    const p = profileTable(fixture('case-only-classes.csv'), { target: 'species' });
    expect(p.target!.classes.map((c) => c.value)).toEqual([
      'setosa',
      'versicolor',
      'Setosa',
      'VIRGINICA',
      'Virginica',
      'virginica',
    ]);
    expect(p.warnings.map((w) => w.message)).toEqual([
      "The target column 'species' has classes that differ only in upper and lower case ('setosa' and 'Setosa'; 'VIRGINICA', 'Virginica' and 'virginica'), so each is learned as a separate class. If they are the same class, write them the same way in the file.",
    ]);
    expect(p.warnings[0]).toMatchObject({ code: 'data/case-only-classes', path: "column 'species'" });
  });

  test('distinct classes, a regression target, or case differences in a feature are not warned about', () => {
    expect(profileTable(sample('iris'), { target: 'species' }).warnings.map((w) => w.code)).toEqual([
      'data/duplicate-rows',
    ]);
    const t = parseCsv('x,color,y\n1,Red,2.5\n2,red,3.5\n3,blue,1.25\n4,Red,0.5\n');
    expect(profileTable(t, { target: 'y' }).warnings).toEqual([]);
    expect(profileTable(t).warnings).toEqual([]);
  });
});

describe('formatProfile', () => {
  test('what reading found (a decimal comma, a date order) is listed before the data-quality warnings', () => {
    const text = formatProfile(
      profileTable(parseCsv('when;x;label\n31/12/2023;5,1;a\n01/01/2024;4,9;b\n01/01/2024;4,9;b\n'), {
        target: 'label',
      }),
    );
    expect(text.split('\n').slice(-4)).toEqual([
      'Warnings:',
      "- Column 'when' has day-first dates ('31/12/2023' at row 2 read as 2023-12-31).",
      "- Column 'x' uses a decimal comma ('5,1' at row 2 read as 5.1).",
      '- 1 row repeats an earlier row exactly, first at row 4. Duplicates can land in both the training and test splits and make scores look better than they are; remove them if they are not real repeats.',
    ]);
  });

  test('a readable table for the terminal', () => {
    const text = formatProfile(profileTable(sample('iris'), { target: 'species' }));
    expect(text.split('\n').slice(0, 6)).toEqual([
      '150 rows × 5 columns, 1 duplicate row',
      "Target 'species': classification, 3 classes (setosa 50, versicolor 50, virginica 50)",
      '',
      'column            type         missing  distinct  min  max   mean     std  values',
      'sepal_length_cm   numeric            0        35  4.3  7.9  5.843  0.8253  ▃▇▄█▇▆▅▂▁▂',
      'sepal_width_cm    numeric            0        23    2  4.4  3.057  0.4344  ▁▂▅▅█▇▂▂▁▁',
    ]);
    expect(text).toContain('Warnings:\n- 1 row repeats an earlier row exactly, first at row 144.');
  });
});
