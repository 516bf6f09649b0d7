/** The flags and help of `sweep` (the command itself is sweep.ts). */
import { BACKEND_NAMES } from '../../spec/index.ts';
import { STRATEGY_NAMES } from '../../sweep/index.ts';
import { helpText, type FlagSpec } from '../args.ts';
import { csvFlags } from '../csv-flags.ts';

/** The flags of `sweep`. */
export const sweepFlags: Record<string, FlagSpec> = {
  target: { type: 'string', help: 'column to predict (required)', placeholder: 'COL' },
  space: {
    type: 'string',
    help: 'search space JSON (required; format in engine/sweep/README.md)',
    placeholder: 'SPACE.json',
  },
  strategy: {
    type: 'string',
    help: `${STRATEGY_NAMES.join(', ')} (default: the space's, else random)`,
    placeholder: 'NAME',
  },
  trials: {
    type: 'string',
    help: "configurations to try (default: the space's, else 16; grid: the whole grid; hyperband: its standard bracket sizes, which another count scales)",
    placeholder: 'N',
  },
  concurrency: {
    type: 'string',
    help: 'trials training at once, one worker thread each (default: cores − 1, at least 1)',
    placeholder: 'K',
  },
  seed: { type: 'string', help: "seed of the data split, the draws and every trial's training", placeholder: 'S' },
  objective: {
    type: 'string',
    help: 'metric to optimize, e.g. valAccuracy, valLoss, valR2 (default: valAccuracy or valR2)',
    placeholder: 'METRIC',
  },
  spec: {
    type: 'string',
    help: "base network (default: the space's spec, else a network chosen for the task)",
    placeholder: 'SPEC.json',
  },
  epochs: {
    type: 'string',
    help: 'epochs of every trial (halving, hyperband: the most a trial gets)',
    placeholder: 'N',
  },
  'validation-split': {
    type: 'string',
    help: 'fraction of rows the trials are scored on (default 0.2)',
    placeholder: 'F',
  },
  'test-split': {
    type: 'string',
    help: "fraction of rows held out for the best model's test metrics (default 0.2)",
    placeholder: 'F',
  },
  backend: { type: 'string', help: `compute backend of each trial: ${BACKEND_NAMES.join(', ')}`, placeholder: 'NAME' },
  out: {
    type: 'string',
    help: 'write every trial (parameters, metrics, epochs, duration, status) as CSV',
    placeholder: 'RESULTS.csv',
  },
  'best-model': {
    type: 'string',
    help: 'retrain the best trial on train+validation and save the model file',
    placeholder: 'MODEL.json',
  },
  'export-optuna': {
    type: 'string',
    help: 'write the sweep as an Optuna study (DIR/study.py) instead of running it',
    placeholder: 'DIR',
  },
  force: { type: 'boolean', help: '--export-optuna: replace the files of the same names already in DIR' },
  open: {
    type: 'string',
    help: 'show a trials CSV (--out, the app, study.py --export-trials); no data or space needed',
    placeholder: 'TRIALS.csv',
  },
  ...csvFlags('detected from the file'),
  quiet: { type: 'boolean', help: 'print only the final table' },
  help: { type: 'boolean', help: 'show this help' },
};

/** Most trials `--trials` accepts. */
export const MAX_TRIALS = 100_000;
/** Most worker threads `--concurrency` starts. */
export const MAX_CONCURRENCY = 256;

/** Help for `sweep`. */
export const sweepHelp = helpText(
  'backprop-studio sweep DATA.csv --target COL --space SPACE.json [flags]\n       backprop-studio sweep --open TRIALS.csv',
  'Try many hyperparameter configurations, several at once, and rank them by a validation metric.\nExample space: resources/examples/wine-space.json\n' +
    'With --export-optuna DIR, write the sweep as an Optuna study to run from many machines (DIR/study.py);\n--open shows the trials CSV it exports.',
  sweepFlags,
);
