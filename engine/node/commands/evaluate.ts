/** `evaluate MODEL.json DATA.csv [--cv K]`: metrics as JSON on stdout; --cv retrains K times and reports mean ± std. */
import { createBackend } from '../../backend/index.ts';
import { kFoldSplits, prepareDataset, targetScale, type Preprocessing } from '../../data/index.ts';
import { evaluateModel } from '../../export/index.ts';
import { Random } from '../../random.ts';
import { computeMetrics, headlineMetrics, Network, predictRows, trainNetwork, type Split } from '../../train/index.ts';
import { resolveNetwork } from '../../spec/index.ts';
import { helpText, numberFlag, parseFlags, type FlagSpec } from '../args.ts';
import { loadCsv } from '../dataset.ts';
import { UsageError } from '../usage-error.ts';
import { loadModelInput } from './model-input.ts';

const flags: Record<string, FlagSpec> = {
  cv: { type: 'string', help: 'k-fold cross-validation: retrain the model\'s network K times on the CSV, report mean ± std', placeholder: 'K' },
  help: { type: 'boolean', help: 'show this help' },
};

/** Help for `evaluate`. */
export const evaluateHelp = helpText('backprop-studio evaluate MODEL.json DATA.csv [--cv K]',
  'Print the model\'s metrics on a labelled CSV as JSON: accuracy, per-class precision/recall/F1 and the confusion\nmatrix for classification; MAE, RMSE and R² for regression.', flags);

function subset(s: Split, rows: Int32Array): Split {
  const f = s.features;
  const x = new Float32Array(rows.length * f);
  const y = new Float32Array(rows.length);
  rows.forEach((r, i) => {
    x.set(s.x.subarray(r * f, (r + 1) * f), i * f);
    y[i] = s.y[r];
  });
  return { x, y, rows: rows.length, features: f };
}

/** Run the command. */
export async function evaluateCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags('evaluate', argv, flags, ['MODEL.json', 'DATA.csv']);
  if (values.help) return void process.stdout.write(evaluateHelp);
  const k = numberFlag(values, 'cv', { integer: true, min: 2 });
  const input = loadModelInput(positionals[0], positionals[1]);
  for (const w of input.warnings) process.stderr.write(`warning: ${w.message}\n`);
  const pre = input.model.preprocessing as Preprocessing;
  if (!input.y) throw new UsageError('cli/no-target-column', `The CSV has no column '${pre.target.column}', the model's target, so there is nothing to compare predictions with. Use 'predict' for unlabelled data.`);
  const { backend } = await createBackend('auto');
  if (k === undefined) {
    const m = await evaluateModel(input.model, backend, input.x, input.y, input.rows, targetScale(pre));
    process.stdout.write(`${JSON.stringify({ rows: input.rows, ...m }, null, 2)}\n`);
    backend.destroy();
    return;
  }
  // k-fold: retrain the model's network on each fold's other rows (10% of them for validation), test on the fold.
  const model = input.model;
  const all = prepareDataset(loadCsv(positionals[1]), { target: pre.target.column, split: { validation: 0, test: 0 }, preprocess: pre.preprocess }, model.seed);
  const folds = kFoldSplits(all.train.rows, k, model.seed, all.task.kind === 'classification' ? all.train.y : undefined);
  const net = resolveNetwork(model.spec, all.train.features, all.task);
  const scale = targetScale(all.preprocessing);
  const scores: Record<string, number>[] = [];
  for (let f = 0; f < folds.length; f++) {
    const rest = new Random(model.seed + f).shuffle(Int32Array.from(folds[f].train));
    const nVal = Math.floor(rest.length * 0.1);
    const data = {
      task: all.task, featureNames: all.featureNames, targetScale: scale,
      train: subset(all.train, rest.subarray(nVal)), validation: nVal ? subset(all.train, rest.subarray(0, nVal)) : null,
    };
    const result = await trainNetwork({ spec: model.spec, data, backend, yieldToHost: () => new Promise((r) => setImmediate(r)) });
    const test = subset(all.train, folds[f].test);
    const network = new Network(net, backend, model.seed, result.weights);
    const out = await predictRows(network, test.x, test.rows);
    network.dispose();
    const m = computeMetrics(all.task, net.loss, net.huberDelta, out, test.y, test.rows, net.outputs, scale);
    scores.push({ loss: m.loss, ...headlineMetrics(m) });
    process.stderr.write(`fold ${f + 1}/${k}: ${Object.entries(scores[f]).map(([n, v]) => `${n} ${v.toFixed(4)}`).join('  ')}\n`);
  }
  const summary: Record<string, { mean: number; std: number }> = {};
  for (const name of Object.keys(scores[0])) {
    const xs = scores.map((s) => s[name]);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const std = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, xs.length - 1));
    summary[name] = { mean, std };
  }
  process.stdout.write(`${JSON.stringify({ folds: k, rows: all.train.rows, metrics: summary, perFold: scores }, null, 2)}\n`);
  backend.destroy();
}
