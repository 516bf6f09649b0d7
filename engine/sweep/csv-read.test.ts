/** Reading a trials CSV back: the writer's output round-trips, and files that are not trials CSVs say what is wrong. */
import { describe, expect, it } from 'vitest';
import { trialsCsv } from './csv.ts';
import { parseTrialsCsv } from './csv-read.ts';
import { syntheticExecutor } from './fixtures/synthetic-executor.ts';
import { syntheticSetup } from './fixtures/spaces.ts';
import { runSweep } from './runner.ts';
import { SweepError } from './sweep-error.ts';

const HEADER =
  'trial,rank,status,objective (valLoss),training.optimizer.type,layers[dense-1].units,epochs,keptEpoch,loss,valLoss,' +
  'bracket,rung,seed,durationMs,error';

/** The message(s) reading `text` gives. */
function problemsOf(text: string): string[] {
  try {
    parseTrialsCsv(text);
  } catch (e) {
    if (e instanceof SweepError) return e.problems.map((p) => p.message);
    throw e;
  }
  throw new Error('expected a SweepError');
}

describe('parseTrialsCsv', () => {
  it('reads back what trialsCsv writes: trials, values, metrics, status, best', async () => {
    const r = await runSweep({
      setup: syntheticSetup({ trials: 6, seed: 3 }),
      executor: syntheticExecutor({ fail: new Set([4]) }),
    });
    const back = parseTrialsCsv(trialsCsv(r));
    expect(back.trials.map((t) => t.trial)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const [i, t] of back.trials.entries()) {
      const orig = r.trials[i];
      expect(t).toMatchObject({
        params: orig.params,
        status: orig.status,
        objective: orig.objective,
        epochs: orig.epochs,
        seed: orig.seed,
      });
      expect(t.metrics).toEqual(orig.metrics);
      expect(t.error?.message ?? null).toBe(orig.error?.message ?? null);
    }
    expect(back.best?.trial).toBe(r.best?.trial);
    expect(back.plan.objective).toEqual(r.plan.objective);
    expect(back.plan.parameters.map((p) => [p.path, p.distribution.type])).toEqual([
      ['training.optimizer.learningRate', 'logUniform'],
      ['layers[dense-1].units', 'int'],
      ['layers[*dropout].rate', 'uniform'],
    ]);
  });

  it('takes the direction from the rank column, choices from text, and undoes the formula guard', () => {
    const csv = [
      HEADER,
      "1,2,done,0.5,'=adam,16,3,3,0.4,0.5,,,11,100,",
      '2,1,done,0.9,sgd,32,3,3,0.8,0.9,,,12,100,',
      '3,,pruned,1.2,sgd,64,1,1,1.1,1.2,,,13,50,',
      '4,,failed,,adam,8,1,1,,,,,14,10,"Training diverged, lower the learning rate."',
    ].join('\r\n');
    const r = parseTrialsCsv(`\uFEFF${csv}\r\n`);
    expect(r.plan.objective).toEqual({ metric: 'valLoss', direction: 'maximize' });
    expect(r.best?.trial).toBe(2);
    expect(r.trials[0].params['training.optimizer.type']).toBe('=adam');
    expect(r.plan.parameters[0].distribution).toEqual({ type: 'choice', values: ['=adam', 'sgd', 'adam'] });
    expect(r.plan.parameters[1].distribution).toEqual({ type: 'int', min: 8, max: 64, log: false });
    expect(r.trials[3]).toMatchObject({
      status: 'failed',
      objective: null,
      error: { message: 'Training diverged, lower the learning rate.' },
    });
  });

  it('leaves out parameters a trial has no value for (an Optuna trial that failed before suggesting)', () => {
    const r = parseTrialsCsv(`${HEADER}\n1,1,done,0.5,adam,16,3,3,0.4,0.5,,,1,5,\n2,,failed,,,,0,0,,,,,2,1,boom\n`);
    expect(r.trials[1].params).toEqual({});
  });

  it('says what is wrong with files that are not trials CSVs', () => {
    expect(problemsOf('')).toEqual([
      "The trials CSV is empty. Open a file written by the Sweep view's Export CSV, 'backprop-studio sweep --out' or study.py --export-trials.",
    ]);
    expect(problemsOf('sepal_length_cm,species\n5.1,setosa\n')).toEqual([
      "Line 1: the trials CSV has no 'trial', 'rank', 'status', 'objective (METRIC)', 'epochs', 'keptEpoch', 'bracket', 'rung', 'seed', " +
        "'durationMs', 'error' columns. Open a file written by the Sweep view's Export CSV, 'backprop-studio sweep --out' or study.py --export-trials.",
    ]);
    expect(problemsOf(HEADER.replace(',error', ''))[0]).toBe(
      "Line 1: the trials CSV has no 'error' column. Open a file written by the Sweep view's Export CSV, " +
        "'backprop-studio sweep --out' or study.py --export-trials.",
    );
    const wide =
      `trial,rank,status,objective (loss),${Array.from({ length: 1001 }, (_, i) => `p${i}`).join(',')},epochs,keptEpoch,` +
      'bracket,rung,seed,durationMs,error';
    expect(problemsOf(wide)).toEqual([
      'Line 1: the trials CSV has 1,001 parameter columns, over the limit of 1,000. Is this a trials CSV? ' +
        'Its parameter columns are the ones between the objective and epochs.',
    ]);
    expect(problemsOf(`${HEADER}\n`)).toEqual([
      'The trials CSV has a header but no trials. Export it again once some trials have finished.',
    ]);
    expect(problemsOf(HEADER.replace('valLoss)', 'f1)'))[0]).toMatch(
      /^Line 1: the objective column names 'f1', which is not a metric Backprop Studio reports\. Use one of 'loss', /,
    );
    expect(problemsOf(HEADER.replace(',training.optimizer.type,layers[dense-1].units', ''))).toEqual([
      "Line 1: the trials CSV has no parameter columns between 'objective (…)' and 'epochs'. Open a file written by the Sweep view's Export CSV, 'backprop-studio sweep --out' or study.py --export-trials.",
    ]);
  });

  it('names the line and column of each bad row', () => {
    const rows = [
      HEADER,
      '1,1,done,0.5,adam,16,3,3',
      'x,1,done,0.5,adam,16,3,3,0.4,0.5,,,1,5,',
      '2,,finished,0.5,adam,16,3,3,0.4,0.5,,,1,5,',
      '3,,done,0.5,adam,16,-1,3,0.4,0.5,,,1,5,',
      '3,,done,0.5,adam,16,1,1,0.4,0.5,,,1,5,',
      '3,,done,0.5,adam,16,1,1,0.4,0.5,,,1,5,',
    ];
    expect(problemsOf(rows.join('\n'))).toEqual([
      'Line 2 has 8 cells, but the header has 15. Fix the row or export the trials again.',
      "Line 3, column 'trial' is 'x', not a whole number ≥ 1.",
      "Line 4, column 'status' is 'finished', not one of done, pruned, failed, cancelled, running, waiting.",
      "Line 5, column 'epochs' is '-1', not a whole number ≥ 0.",
      'Line 6 repeats trial 3. Each trial may appear once; remove the repeated row.',
      'Line 7 repeats trial 3. Each trial may appear once; remove the repeated row.',
    ]);
    expect(problemsOf(`${HEADER}\n1,1,done,0.5,"adam,16\n`)).toEqual([
      'Line 2 opens a quoted cell that never closes. Close the quote or export the trials again.',
    ]);
  });
});
