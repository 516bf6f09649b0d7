/** `evaluate MODEL.json DATA.csv [--cv K]`: metrics as JSON on stdout; --cv retrains K times and reports mean ± std. */
import { createBackend } from '../../backend/index.ts';
import { kFoldSplits, prepareDataset, targetScale } from '../../data/index.ts';
import { scoreModel } from '../../export/index.ts';
import { Random } from '../../random.ts';
import { train, trainingDataOf, yieldToEventLoop } from '../../run/index.ts';
import { computeMetrics, headlineMetrics, Network, predictRows } from '../../train/index.ts';
import { resolveNetwork } from '../../spec/index.ts';
import { helpText, numberFlag, parseFlags, type FlagSpec } from '../args.ts';
import { UsageError } from '../usage-error.ts';
import { csvFlags, csvOptionsOf } from '../csv-flags.ts';
import { loadModelInput } from './model-input.ts';

const flags: Record<string, FlagSpec> = {
  cv: {
    type: 'string',
    help: "k-fold cross-validation: refit the preprocessing and retrain the model's network on each fold, report mean ± std",
    placeholder: 'K',
  },
  ...csvFlags("the model's (how its training file was read)"),
  help: { type: 'boolean', help: 'show this help' },
};

/** Help for `evaluate`. */
export const evaluateHelp = helpText(
  'backprop-studio evaluate MODEL.json DATA.csv [--cv K]',
  "Print the model's metrics on a labelled CSV as JSON: accuracy, per-class precision/recall/F1 and the confusion\nmatrix for classification; MAE, RMSE and R² for regression.",
  flags,
);

/** Run the command. */
export async function evaluateCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags('evaluate', argv, flags, ['MODEL.json', 'DATA.csv']);
  if (values.help) return void process.stdout.write(evaluateHelp);
  const k = numberFlag(values, 'cv', { integer: true, min: 2 });
  const input = loadModelInput(positionals[0], positionals[1], csvOptionsOf(values));
  for (const w of input.warnings) process.stderr.write(`warning: ${w.message}\n`);
  const pre = input.pre;
  if (!input.y)
    throw new UsageError(
      'cli/no-target-column',
      `The CSV has no column '${pre.target.column}', the model's target, so there is nothing to compare predictions with. Use 'predict' for unlabelled data.`,
    );
  const { backend } = await createBackend('auto');
  if (k === undefined) {
    const s = await scoreModel(input.model, backend, input.x, input.y, input.rows, targetScale(pre), pre.target.column);
    if (s.leftOut > 0)
      process.stderr.write(
        `Scored ${s.rows} of ${input.rows} rows; ${s.leftOut} left out (target missing or unknown).\n`,
      );
    process.stdout.write(`${JSON.stringify({ rows: s.rows, rowsLeftOut: s.leftOut, ...s.metrics }, null, 2)}\n`);
    backend.destroy();
    return;
  }
  // k-fold: for each fold, refit the preprocessing on the other rows (10% of them for validation),
  // retrain the model's network from scratch, and test on the fold.
  const model = input.model;
  const table = input.table;
  const settings = { target: pre.target.column, preprocess: pre.preprocess };
  const all = prepareDataset(table, { ...settings, split: { validation: 0, test: 0 } }, model.seed);
  const positions = all.train.rowIndices;
  const folds = kFoldSplits(
    all.train.rows,
    k,
    model.seed,
    all.task.kind === 'classification' ? all.train.y : undefined,
  );
  const scores: Record<string, number>[] = [];
  for (let f = 0; f < folds.length; f++) {
    const rest = new Random(model.seed + f).shuffle(Int32Array.from(folds[f].train, (p) => positions[p]));
    const nVal = Math.floor(rest.length * 0.1);
    const fold = prepareDataset(
      table,
      {
        ...settings,
        rows: {
          train: rest.slice(nVal),
          validation: rest.slice(0, nVal),
          test: Int32Array.from(folds[f].test, (p) => positions[p]),
        },
      },
      model.seed,
    );
    const data = trainingDataOf(fold);
    const net = resolveNetwork(model.spec, data.train.features, data.task);
    const result = await train({ spec: model.spec, data, backend, yieldToHost: yieldToEventLoop });
    const network = new Network(net, backend, model.seed, result.weights);
    const out = await predictRows(network, fold.test.x, fold.test.rows);
    network.dispose();
    const m = computeMetrics(
      data.task,
      net.loss,
      net.huberDelta,
      out,
      fold.test.y,
      fold.test.rows,
      net.outputs,
      targetScale(fold.preprocessing),
    );
    scores.push({ loss: m.loss, ...headlineMetrics(m) });
    process.stderr.write(
      `fold ${f + 1}/${k}: ${Object.entries(scores[f])
        .map(([n, v]) => `${n} ${v.toFixed(4)}`)
        .join('  ')}\n`,
    );
  }
  const summary: Record<string, { mean: number; std: number }> = {};
  for (const name of Object.keys(scores[0])) {
    const xs = scores.map((s) => s[name]);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const std = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, xs.length - 1));
    summary[name] = { mean, std };
  }
  process.stdout.write(
    `${JSON.stringify({ folds: k, rows: all.train.rows, metrics: summary, perFold: scores }, null, 2)}\n`,
  );
  backend.destroy();
}
