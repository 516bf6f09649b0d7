import { describe, expect, it } from 'vitest';
import { parseCsv } from '../data/index.ts';
import { predictionsCsv } from './predictions-csv.ts';

describe('predictionsCsv (the app\'s predictions export)', () => {
  it('neutralizes cells, labels and headers a spreadsheet would run as formulas; numbers stay numbers', () => {
    const table = parseCsv('name,x\n"=cmd|\' /C calc\'!A0",-3.5\n@SUM(A1),2\n');
    const csv = predictionsCsv(table, {
      kind: 'classification', classes: ['+a', 'b'], labels: ['+a', 'b'],
      classIndices: Int32Array.from([0, 1]), probabilities: Float32Array.from([0.75, 0.25, 0.5, 0.5]),
    });
    expect(csv).toBe("name,x,prediction,probability_+a,probability_b\n'=cmd|' /C calc'!A0,-3.5,'+a,0.75,0.25\n'@SUM(A1),2,b,0.5,0.5\n");
  });

  it('writes missing cells back as they were written (NA, n/a), empty ones empty', () => {
    const table = parseCsv('a,b,c\n1,NA,x\nn/a,2,\n3,,y\n');
    const csv = predictionsCsv(table, { kind: 'regression', values: Float64Array.from([1, 2, 3]) });
    expect(csv).toBe('a,b,c,prediction\n1,NA,x,1\nn/a,2,,2\n3,,y,3\n');
  });
});
