import { describe, expect, test } from 'vitest';
import { decodeOutputs, parseCsv, prepareDataset, type Preprocessing } from '../index.ts';

function preprocessingFor(csv: string, target: string): Preprocessing {
  return prepareDataset(parseCsv(csv), { target, split: { validation: 0, test: 0 } }, 1).preprocessing;
}

const binary = preprocessingFor('x,label\n1,no\n2,yes\n3,no\n4,yes\n', 'label');
const multi = preprocessingFor('x,c\n1,b\n2,a\n3,c\n4,a\n', 'c');

describe('decodeOutputs', () => {
  test('one sigmoid output is P(second class)', () => {
    const d = decodeOutputs(binary, Float32Array.from([0.2, 0.9]), 2, 1);
    expect(d.kind === 'classification' && d.labels).toEqual(['no', 'yes']);
    const p = d.kind === 'classification' ? Array.from(d.probabilities) : [];
    [0.8, 0.2, 0.1, 0.9].forEach((v, i) => expect(p[i]).toBeCloseTo(v, 6));
  });

  test('softmax outputs: argmax per row, classes in label-map order', () => {
    const d = decodeOutputs(multi, Float32Array.from([0.1, 0.7, 0.2, 0.6, 0.3, 0.1]), 2, 3);
    expect(d.kind === 'classification' && d.classes).toEqual(['a', 'b', 'c']);
    expect(d.kind === 'classification' && d.labels).toEqual(['b', 'a']);
  });

  test('a width that does not fit the classes says how many outputs are needed', () => {
    expect(() => decodeOutputs(multi, new Float32Array(4), 2, 2)).toThrowError(
      "The network gives 2 outputs per row but the data needs 3 (one per class). Set the last layer's units to 'auto'.",
    );
  });
});
