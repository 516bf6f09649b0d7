/** A report of a long, wide, many-class model stays a few hundred KB: tables list at most 200 rows and say so. */
import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../backend/index.ts';
import { parseCsv } from '../data/index.ts';
import { stringifyModelFile } from '../export/index.ts';
import { syntheticCsv, trainedModel } from '../explain/fixtures/synthetic.ts';
import type { ClassificationEvaluation } from '../protocol/index.ts';
import { buildReport, collectReport, type ReportInput } from './index.ts';
import { MAX_EXPLAIN_ROWS } from './collect.ts';

const { model } = await trainedModel(syntheticCsv(200, 'classification'), { epochs: 5 });
const backend = new CpuBackend();
const base = await collectReport(model, parseCsv(syntheticCsv(60, 'classification', 3)), backend, {
  file: 't.csv',
  modelSource: stringifyModelFile(model),
  reproduce: { commands: [], versions: {} },
  repeats: 1,
});
backend.destroy();

/** The same report with 20,000 epochs, 5,000 columns and 1,000 classes. */
function huge(): ReportInput {
  const epoch = model.history[0]!;
  const column = base.data.profile.columns[0]!;
  const importance = base.importance.columns[0]!;
  const classes = Array.from({ length: 1000 }, (_, i) => `class ${i}`);
  const e = base.evaluation as ClassificationEvaluation;
  return {
    ...base,
    model: { ...model, history: Array.from({ length: 20_000 }, (_, i) => ({ ...epoch, epoch: i + 1 })) },
    data: {
      ...base.data,
      profile: {
        ...base.data.profile,
        columns: Array.from({ length: 5000 }, (_, i) => ({ ...column, name: `c${i}` })),
      },
    },
    importance: {
      ...base.importance,
      columns: Array.from({ length: 5000 }, (_, i) => ({ ...importance, column: `c${i}` })),
    },
    evaluation: {
      ...e,
      classes,
      confusion: classes.map(() => classes.map(() => 1)),
      perClass: classes.map((label) => ({ ...e.perClass[0]!, label })),
    },
  };
}

describe('report size limits', () => {
  it('lists at most 200 rows per table, says how many of how many, and draws at most 30 bars', () => {
    const html = buildReport(huge());
    expect(html.length).toBeLessThan(400_000);
    expect(html).toContain('<caption>Loss and metric at 200 of 20,000 epochs, evenly spaced</caption>');
    expect(html).toContain(
      '<caption>The first 200 of 5,000 columns (backprop-studio profile lists them all)</caption>',
    );
    expect(html).toContain('<caption>Permutation importance of the 200 most important of 5,000 columns</caption>');
    expect(html).toContain(
      '<p>The confusion matrix of 1,000 classes is too wide to show (at most 30); the scores per class follow.</p>',
    );
    expect(html).toContain('<caption>Scores of the first 200 of 1,000 classes</caption>');
    expect(html).toContain('The chart draws the 30 most important; the table lists more.');
    expect(html.match(/<rect class="bar/g)).toHaveLength(30);
  });

  it('measures importance and partial dependence on 20,000 evenly spaced rows of a larger file, and says so', async () => {
    const rows = MAX_EXPLAIN_ROWS + 10;
    const cpu = new CpuBackend();
    const input = await collectReport(model, parseCsv(syntheticCsv(rows, 'classification', 8)), cpu, {
      file: 'big.csv',
      modelSource: '',
      reproduce: { commands: [], versions: {} },
      repeats: 1,
      top: 1,
    });
    cpu.destroy();
    expect([input.evaluation.actual.length, input.importance.rows, input.dependence[0]?.rows]).toEqual([
      rows,
      20_000,
      20_000,
    ]);
    expect(input.explainedSample).toBe(
      'Measured on 20,000 of the 20,010 rows, evenly spaced through the file, to keep the report quick.',
    );
    expect(buildReport(input)).toContain(`<p>${input.explainedSample}</p>`);
    expect(base.explainedSample).toBeNull();
  });
});
