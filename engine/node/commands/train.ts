/** `train DATA.csv --target COL`: flags in, one run of the engine's pipeline (engine/run), epochs to stderr, the model file out. */
import { appendFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createBackend } from '../../backend/index.ts';
import { DATE_ENCODINGS, prepareDataset, SPLIT_ORDERS, type DateEncoding, type SplitOrder } from '../../data/index.ts';
import { stringifyModelFile, type SplitName } from '../../export/index.ts';
import { trainRun, yieldToEventLoop } from '../../run/index.ts';
import {
  defaultSpec,
  parseSpec,
  CLASS_WEIGHT_NAMES,
  OPTIMIZER_NAMES,
  BACKEND_NAMES,
  type BackendChoice,
  type NetworkSpec,
  type OptimizerName,
  type OptimizerSpec,
} from '../../spec/index.ts';
import { selectBackend, TrainControl, type Metrics } from '../../train/index.ts';
import { MAX_EPOCHS, MAX_SEED, numberFlag, parseFlags } from '../args.ts';
import { csvOptionsOf } from '../csv-flags.ts';
import { loadCsv } from '../dataset.ts';
import { readJson } from '../files.ts';
import { checkOutputs, writeFileAtomic } from '../outputs.ts';
import { epochLine, metricsBlock } from '../format.ts';
import { rethrowFsError } from '../fs-errors.ts';
import { UsageError } from '../usage-error.ts';
import { splitOutFiles, writeSplits } from '../split-out.ts';
import { trainAuto } from './train-auto.ts';
import { trainFlags as flags, trainHelp } from './train-flags.ts';

/** Writes (or appends) to the --log file; a failure names the file instead of a stack trace. */
function writeLog(path: string, text: string, append: boolean): void {
  try {
    if (append) appendFileSync(path, text);
    else writeFileSync(path, text);
  } catch (e) {
    rethrowFsError(e, 'write', path);
  }
}

/** Run the command. */
export async function trainCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags('train', argv, flags, ['DATA.csv']);
  if (values.help) return void process.stdout.write(trainHelp);
  const [dataPath] = positionals;
  const target = values.target;
  if (typeof target !== 'string')
    throw new UsageError(
      'cli/missing-target',
      "train needs --target COL: the name of the column to predict. Run 'backprop-studio profile DATA.csv' to list the columns.",
    );
  const seedFlag = numberFlag(values, 'seed', { integer: true, min: 0, max: MAX_SEED });
  const epochs = numberFlag(values, 'epochs', { integer: true, min: 1, max: MAX_EPOCHS });
  const bs = numberFlag(values, 'batch-size', { integer: true, min: 1 });
  const lr = numberFlag(values, 'learning-rate', { min: 0, minExclusive: true });
  const out = typeof values.out === 'string' ? values.out : `${basename(dataPath).replace(/\.[^.]+$/, '')}.model.json`;
  const logPath = typeof values.log === 'string' ? values.log : null;
  const inputs = [
    { what: 'the CSV file', path: dataPath },
    ...(typeof values.spec === 'string' ? [{ what: 'the spec file', path: values.spec }] : []),
  ];
  const splitOut = typeof values['split-out'] === 'string' ? values['split-out'] : null;
  const splitFiles = splitOut === null ? [] : splitOutFiles(splitOut);
  checkOutputs(
    [
      { flag: '--out', path: out, example: 'model.json' },
      ...(logPath ? [{ flag: '--log', path: logPath, example: 'run.jsonl' }] : []),
      ...splitFiles,
    ],
    inputs,
  );
  let spec: NetworkSpec | null = typeof values.spec === 'string' ? parseSpec(readJson(values.spec, 'Spec file')) : null;
  const seed = seedFlag ?? spec?.training?.seed ?? 42;
  const auto = !!values.auto;
  const budget = numberFlag(values, 'budget', { min: 5, max: 86_400 }) ?? 60;
  if (auto && spec)
    throw new UsageError(
      'cli/auto-with-spec',
      '--auto searches for the network itself, so it takes no --spec. Leave out one of them.',
    );
  if (!auto && values.budget !== undefined)
    throw new UsageError(
      'cli/budget-without-auto',
      '--budget sets the time of --auto. Add --auto, or leave out --budget.',
    );
  const validation =
    numberFlag(values, 'validation-split', { min: 0, max: 1, maxExclusive: true }) ??
    spec?.training?.validationSplit ??
    (auto ? 0.2 : 0.1);
  if (auto && validation === 0)
    throw new UsageError(
      'cli/auto-without-validation',
      '--auto scores its trials on validation rows. Set --validation-split above 0.',
    );
  const test = numberFlag(values, 'test-split', { min: 0, max: 1, maxExclusive: true }) ?? 0.2;
  if (validation + test >= 0.9)
    throw new UsageError(
      'cli/splits-too-large',
      `--validation-split ${validation} and --test-split ${test} leave less than 10% of the rows for training. Lower them.`,
    );
  const optimizer = values.optimizer;
  if (optimizer !== undefined && !OPTIMIZER_NAMES.includes(optimizer as OptimizerName)) {
    throw new UsageError(
      'cli/bad-optimizer',
      `--optimizer must be one of ${OPTIMIZER_NAMES.join(', ')}, got '${String(optimizer)}'.`,
    );
  }
  const backendChoice = (values.backend ?? spec?.training?.backend ?? 'auto') as BackendChoice;
  if (!BACKEND_NAMES.includes(backendChoice))
    throw new UsageError(
      'cli/bad-backend',
      `--backend must be one of ${BACKEND_NAMES.join(', ')}, got '${backendChoice}'.`,
    );
  const csvOptions = csvOptionsOf(values);

  const splitOrder = values.split ?? 'random';
  if (!SPLIT_ORDERS.includes(splitOrder as SplitOrder))
    throw new UsageError(
      'cli/bad-split',
      `--split must be one of ${SPLIT_ORDERS.join(', ')}, got '${String(splitOrder)}'.`,
    );
  const dates = values.dates ?? 'parts';
  if (!DATE_ENCODINGS.includes(dates as DateEncoding))
    throw new UsageError(
      'cli/bad-dates',
      `--dates must be one of ${DATE_ENCODINGS.join(', ')}, got '${String(dates)}'.`,
    );
  const classWeight = values['class-weight'];
  if (classWeight !== undefined && !(CLASS_WEIGHT_NAMES as readonly string[]).includes(String(classWeight))) {
    throw new UsageError(
      'cli/bad-class-weight',
      `--class-weight must be one of ${CLASS_WEIGHT_NAMES.join(', ')}, got '${String(classWeight)}'. Per-class weights go in the spec's training.classWeight.`,
    );
  }
  const table = loadCsv(dataPath, csvOptions);
  const dateColumns = table.columns.filter((c) => c.inferred.type === 'datetime' && c.name !== target);
  const columns = Object.fromEntries(dateColumns.map((c) => [c.name, { dateEncoding: dates as DateEncoding }]));
  const prepared = prepareDataset(
    table,
    {
      target,
      columns,
      split: { validation, test },
      splitOrder: splitOrder as SplitOrder,
      preprocess: !values['no-preprocess'],
    },
    seed,
  );
  const quiet = !!values.quiet;
  for (const w of [...table.warnings, ...prepared.warnings]) process.stderr.write(`warning: ${w.message}\n`);
  if (splitOut !== null) for (const line of writeSplits(splitOut, table, prepared)) process.stderr.write(`${line}\n`);
  if (auto)
    return trainAuto({ prepared, seed, budgetSeconds: budget, backend: backendChoice, out, quiet: !!values.quiet });
  const features = prepared.featureNames.length;
  spec ??= defaultSpec(prepared.task, features, 'simple', prepared.train.rows);
  const t = { ...(spec.training ?? {}) };
  t.seed = seed;
  t.validationSplit = validation;
  if (epochs !== undefined) t.epochs = epochs;
  if (bs !== undefined) t.batchSize = bs;
  if (optimizer !== undefined || lr !== undefined) {
    const prev = t.optimizer;
    const type = (optimizer ?? prev?.type ?? 'adam') as OptimizerName;
    t.optimizer = {
      ...(prev && prev.type === type ? prev : {}),
      type,
      learningRate: lr ?? prev?.learningRate ?? 0.001,
    } as OptimizerSpec;
  }
  t.backend = backendChoice;
  if (classWeight !== undefined) t.classWeight = classWeight as (typeof CLASS_WEIGHT_NAMES)[number];
  if (values['no-refit']) t.refit = false;
  spec = parseSpec({ ...spec, training: t });

  const { backend, reason } = await selectBackend(backendChoice, spec, features, prepared.task);
  const task = prepared.task;
  const taskText =
    task.kind === 'classification'
      ? `classification, ${task.classes.length} classes (${task.classes.join(', ')})`
      : 'regression';
  const info = (s: string) => {
    if (!quiet) process.stderr.write(`${s}\n`);
  };
  info(
    `Data: ${basename(dataPath)} — ${prepared.train.rows} train / ${prepared.validation.rows} validation / ${prepared.test.rows} test rows, ${features} features; target '${target}': ${taskText}`,
  );
  for (const c of prepared.leftOut) info(`Left out column '${c.column}': ${c.reason}.`);
  info(`Backend: ${backend.label} (${reason})`);
  if (logPath) writeLog(logPath, '', false);
  const control = new TrainControl();
  let interrupts = 0;
  const onSigint = () => {
    if (++interrupts > 1) process.exit(130);
    process.stderr.write('\nStopping after this batch (press Ctrl+C again to quit without saving)…\n');
    control.stop();
  };
  process.on('SIGINT', onSigint);
  const started = Date.now();
  const metrics: Partial<Record<SplitName, Metrics>> = {};
  // The model file's splits are scored on the backend that trained (the app's worker scores on the CPU).
  const { result, model } = await trainRun({
    spec,
    prepared,
    backend,
    control,
    scoreOn: backend,
    fallback: backend.name.startsWith('gpujs-') ? async () => (await createBackend('auto')).backend : undefined,
    yieldToHost: yieldToEventLoop,
    onEvent: (e) => {
      if (e.type === 'scored') metrics[e.split] = e.metrics;
      else if (e.type === 'epoch') {
        info(epochLine(e.summary));
        if (logPath)
          writeLog(
            logPath,
            `${JSON.stringify({ ...e.summary, backend: backend.label, backendReason: reason })}\n`,
            true,
          );
      } else if (e.type === 'diagnostic') {
        const d = e.diagnostic;
        const note = d.kind === 'classWeights' || d.kind === 'refit' || d.kind === 'backendFallback';
        process.stderr.write(note ? `note: ${d.message}\n` : `warning (epoch ${d.epoch}): ${d.message}\n`);
      }
    },
  }).finally(() => process.off('SIGINT', onSigint));

  writeFileAtomic(out, stringifyModelFile(model));
  const why =
    result.stopReason === 'earlyStopping'
      ? `stopped early after epoch ${result.history.length}; kept the best epoch, ${result.bestEpoch}`
      : result.stopReason === 'stopped'
        ? `stopped by you after ${result.history.length} epochs`
        : `${result.history.length} epochs`;
  const refit = result.refit
    ? `; final model refitted on ${result.refit.rows} train+validation rows for ${result.refit.epochs} epochs`
    : '';
  process.stdout.write(
    `\nTrained in ${((Date.now() - started) / 1000).toFixed(1)} s (${why}${refit}) on ${backend.label}.\n`,
  );
  for (const [name, m] of Object.entries(metrics)) process.stdout.write(`${metricsBlock(name, m)}\n`);
  process.stdout.write(`Model saved to ${out}\n`);
  backend.destroy();
}
