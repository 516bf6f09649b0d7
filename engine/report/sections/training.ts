/** The Training section: the settings, the backend, loss and metric curves (train and validation), the stop reason. */
import type { ModelFile } from '../../export/index.ts';
import { resolveTraining, type EpochSummary } from '../../train/index.ts';
import { xyChart, type Series } from '../chart.ts';
import { count, facts, fmt, folded, MAX_TABLE_ROWS, table, type Cell } from '../html.ts';
import { thin } from '../scale.ts';

const STOP_REASONS: Record<string, string> = {
  completed: 'ran every epoch it was given',
  earlyStopping: 'early stopping: the monitored validation score stopped improving',
  stopped: 'stopped by hand',
  failed: 'failed',
};

/** Every setting of the optimizer, schedule and early stopping as label → text. */
function settings(model: ModelFile): [string, string][] {
  // Every setting as training used it: what the spec leaves out is the default.
  const t = resolveTraining(model.spec.training);
  const listed = (o: object, skip = ''): string =>
    Object.entries(o)
      .filter(([k]) => k !== skip)
      .map(([k, v]) => `${k} ${v === null ? 'default' : String(v)}`)
      .join(', ');
  const best = model.training.bestEpoch;
  const run = model.training.epochsRun || model.history.length;
  return [
    ['Optimizer', `${t.optimizer.type} (${listed(t.optimizer, 'type')})`],
    [
      'Epochs',
      run > 0
        ? `${count(run)} run of ${count(t.epochs)}${best > 0 ? `; best epoch ${best}` : ''}`
        : `${count(t.epochs)} set; how many ran is not recorded in the model file`,
    ],
    ['Batch size', String(t.batchSize)],
    [
      'Learning-rate schedule',
      t.schedule.type === 'constant' ? 'constant' : `${t.schedule.type} (${listed(t.schedule, 'type')})`,
    ],
    ['Early stopping', t.earlyStopping ? listed(t.earlyStopping) : 'off'],
    ['Validation split', String(t.validationSplit)],
    ['Seed', String(model.seed)],
    ['Backend', model.training.backend || '—'],
    ['Stopped because', STOP_REASONS[model.training.stopReason] ?? (model.training.stopReason || '—')],
  ];
}

/** The scores the model file stores per split, as computed at the end of training (none in older files). */
function finalScores(model: ModelFile): string {
  const splits = (['train', 'validation', 'test'] as const).filter((s) => model.metrics[s]);
  const keys = ['loss', 'accuracy', 'macroF1', 'mae', 'rmse', 'r2'].filter((k) =>
    splits.some((s) => typeof (model.metrics[s] as Record<string, unknown>)[k] === 'number'),
  );
  if (splits.length === 0 || keys.length === 0) return '';
  const rows: Cell[][] = splits.map((s) => [
    s,
    ...keys.map((k) => {
      const v = (model.metrics[s] as Record<string, unknown>)[k];
      return typeof v === 'number' ? v : NaN;
    }),
  ]);
  const head = ['Split', ...keys.map((k) => METRIC_NAMES[k] ?? k)];
  return table('Scores at the end of training, per split of the training file', head, rows);
}

/** Metric keys of the history as the report names them. */
const METRIC_NAMES: Record<string, string> = {
  accuracy: 'accuracy',
  mae: 'mean absolute error',
  rmse: 'root mean squared error',
  r2: 'R²',
  macroF1: 'macro F1',
  loss: 'loss',
};

function curve(
  h: readonly EpochSummary[],
  pick: (e: EpochSummary) => number | null | undefined,
): { x: number; y: number }[] {
  return h.flatMap((e) => {
    const y = pick(e);
    return typeof y === 'number' && Number.isFinite(y) ? [{ x: e.epoch, y }] : [];
  });
}

function curveChart(
  model: ModelFile,
  id: string,
  name: string,
  train: Series['points'],
  validation: Series['points'],
): string {
  const series: Series[] = [{ name: `train ${name}`, points: train, style: 'line' }];
  if (validation.length) series.push({ name: `validation ${name}`, points: validation, style: 'line' });
  const last = (pts: Series['points']) => (pts.length ? fmt(pts[pts.length - 1]!.y) : '—');
  const best = model.training.bestEpoch;
  const description =
    `${name} per epoch over ${train.length} epochs: train from ${fmt(train[0]?.y)} to ${last(train)}` +
    (validation.length
      ? `, validation from ${fmt(validation[0]?.y)} to ${last(validation)}`
      : ', no validation split') +
    (best > 0 ? `; the best epoch (kept) is ${best}.` : '.');
  return xyChart({
    id,
    title: `${name[0]!.toUpperCase()}${name.slice(1)} per epoch`,
    description,
    xLabel: 'epoch',
    yLabel: name,
    series,
    refLines: best > 0 ? [{ kind: 'vertical', at: best, label: `best epoch ${best}` }] : [],
  });
}

/** The section's HTML. */
export function trainingSection(model: ModelFile): string {
  const h = model.history;
  const key = Object.keys(h[0]?.metrics ?? {})[0] ?? null;
  const metric = key === null ? null : (METRIC_NAMES[key] ?? key);
  const charts =
    h.length === 0
      ? '<p>The model file has no training history, so there are no curves to draw.</p>'
      : [
          curveChart(
            model,
            'loss',
            'loss',
            curve(h, (e) => e.loss),
            curve(h, (e) => e.valLoss),
          ),
          metric && key
            ? curveChart(
                model,
                'metric',
                metric,
                curve(h, (e) => e.metrics[key]),
                curve(h, (e) => e.valMetrics?.[key]),
              )
            : '',
        ].join('\n');
  const listed = thin(h, MAX_TABLE_ROWS);
  const rows: Cell[][] = listed.map((e) => [
    String(e.epoch),
    e.loss,
    e.valLoss ?? NaN,
    ...(key ? [e.metrics[key] ?? NaN, e.valMetrics?.[key] ?? NaN] : []),
    e.learningRate,
  ]);
  const head = [
    'Epoch',
    'Train loss',
    'Validation loss',
    ...(metric ? [`Train ${metric}`, `Validation ${metric}`] : []),
    'Learning rate',
  ];
  const caption =
    listed.length < h.length
      ? `Loss and metric at ${listed.length} of ${count(h.length)} epochs, evenly spaced`
      : 'Loss and metric per epoch';
  return `<section id="training" aria-labelledby="training-h"><h2 id="training-h">Training</h2>
${facts(settings(model))}
${finalScores(model)}
${charts}
${h.length ? folded(`The curves as a table (${count(h.length)} epochs)`, table(caption, head, rows)) : ''}
</section>`;
}
