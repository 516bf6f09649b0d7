import { describe, expect, it } from 'vitest';
import { parseCsv } from '../data/index.ts';
import { predictionsCsv } from './predictions.ts';

describe("predictionsCsv (the app's predictions export and the CLI's predict)", () => {
  it('neutralizes cells, labels and headers a spreadsheet would run as formulas; numbers stay numbers', () => {
    const table = parseCsv('name,x\n"=cmd|\' /C calc\'!A0",-3.5\n@SUM(A1),2\n');
    const csv = predictionsCsv(
      {
        kind: 'classification',
        classes: ['+a', 'b'],
        labels: ['+a', 'b'],
        classIndices: Int32Array.from([0, 1]),
        probabilities: Float32Array.from([0.75, 0.25, 0.5, 0.5]),
      },
      { inputs: table },
    );
    expect(csv).toBe(
      "name,x,prediction,probability_+a,probability_b\n'=cmd|' /C calc'!A0,-3.5,'+a,0.75,0.25\n'@SUM(A1),2,b,0.5,0.5\n",
    );
  });

  it('writes missing cells back as they were written (NA, n/a), empty ones empty', () => {
    const table = parseCsv('a,b,c\n1,NA,x\nn/a,2,\n3,,y\n');
    const csv = predictionsCsv({ kind: 'regression', values: Float64Array.from([1, 2, 3]) }, { inputs: table });
    expect(csv).toBe('a,b,c,prediction\n1,NA,x,1\nn/a,2,,2\n3,,y,3\n');
  });

  it("without input columns writes only the predictions, comma-separated, with the same digits (the CLI's default)", () => {
    const table = parseCsv('a;b\n1;x\n2;y\n');
    const decoded = {
      kind: 'classification' as const,
      classes: ['no', 'yes'],
      labels: ['yes', 'no'],
      classIndices: Int32Array.from([1, 0]),
      probabilities: Float32Array.from([1 / 3, 2 / 3, 0.9, 0.1]),
    };
    expect(predictionsCsv(decoded)).toBe(
      'prediction,probability_no,probability_yes\nyes,0.3333333,0.6666667\nno,0.9,0.1\n',
    );
    expect(predictionsCsv(decoded, { inputs: table, splits: ['train', 'test'] })).toBe(
      'a;b;split;prediction;probability_no;probability_yes\n1;x;train;yes;0.3333333;0.6666667\n2;y;test;no;0.9;0.1\n',
    );
  });
});
