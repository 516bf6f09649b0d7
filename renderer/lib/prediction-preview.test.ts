import { describe, expect, test } from 'vitest';
import { previewOf } from './prediction-preview.ts';

describe('previewOf', () => {
  test('keeps the prediction and probability columns of the first five rows, rounded', () => {
    const rows = Array.from({ length: 8 }, () => `5.1,3.5,setosa,setosa,0.98765,0.0123,0`);
    const csv = ['a,b,species,prediction,probability_setosa,probability_versicolor,probability_virginica', ...rows, ''].join('\n');
    const preview = previewOf(csv, 3);
    expect(preview.header).toEqual(['prediction', 'P(setosa)', 'P(versicolor)', 'P(virginica)']);
    expect(preview.rows).toHaveLength(5);
    expect(preview.rows[0]).toEqual(['setosa', '0.988', '0.012', '0']);
  });

  test('regression keeps only the prediction column', () => {
    expect(previewOf('x,y,prediction\n1,2,2.5\n', 0)).toEqual({ header: ['prediction'], rows: [['2.500']] });
  });
});
