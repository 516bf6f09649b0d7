/** The one model-file builder: the full metric set on every split with rows, for both tasks. */
import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../backend/index.ts';
import { parseCsv, prepareDataset } from '../data/index.ts';
import { parseModelFile, stringifyModelFile } from '../export/index.ts';
import { parseSpec } from '../spec/index.ts';
import { trainRun, type RunEvent } from './train.ts';
import { withValidationInTrain } from './training-data.ts';

const csv = `x,z,label,value\n${Array.from({ length: 30 }, (_, i) => `${i},${(i * 7) % 5},${i % 2 ? 'a' : 'b'},${i * 2 + 1}`).join('\n')}\n`;
const spec = parseSpec({
  layers: [{ id: 'output', type: 'dense', units: 'auto' }],
  training: { epochs: 2, batchSize: 4 },
});

async function run(target: string, merge = false) {
  const split = prepareDataset(
    parseCsv(csv),
    {
      target,
      split: { validation: 0.2, test: 0.2 },
      columns: { [target === 'label' ? 'value' : 'label']: { role: 'ignore' } },
    },
    3,
  );
  const prepared = merge ? withValidationInTrain(split) : split;
  const events: RunEvent[] = [];
  const backend = new CpuBackend();
  const out = await trainRun({ spec, prepared, backend, onEvent: (e) => events.push(e) }).finally(() =>
    backend.destroy(),
  );
  return { ...out, prepared, scored: events.flatMap((e) => (e.type === 'scored' ? [e.split] : [])) };
}

describe('buildModelFile through trainRun', () => {
  it('regression: loss, MAE, RMSE and R² on train, validation and test, announced as each is scored', async () => {
    const { model, scored } = await run('value');
    expect(scored).toEqual(['train', 'validation', 'test']);
    for (const m of Object.values(model.metrics))
      expect(Object.keys(m ?? {}).sort()).toEqual(['kind', 'loss', 'mae', 'r2', 'rmse']);
    expect(parseModelFile(JSON.parse(stringifyModelFile(model))).metrics).toEqual(model.metrics);
  });

  it("classification on train+validation (a sweep's best model): no validation entry, the train entry counts the merged rows", async () => {
    const { model, prepared } = await run('label', true);
    expect(Object.keys(model.metrics)).toEqual(['train', 'test']);
    const train = model.metrics.train;
    expect(train?.kind === 'classification' && train.classes.reduce((s, c) => s + c.support, 0)).toBe(
      prepared.train.rows,
    );
    expect(Object.keys(train ?? {}).sort()).toEqual([
      'accuracy',
      'balancedAccuracy',
      'classes',
      'confusion',
      'kind',
      'loss',
      'macroF1',
    ]);
  });
});
