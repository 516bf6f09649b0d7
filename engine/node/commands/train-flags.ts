/** The flags and help of `train` (the command itself is train.ts). */
import { BACKEND_NAMES, OPTIMIZER_NAMES } from '../../spec/index.ts';
import { helpText, type FlagSpec } from '../args.ts';
import { csvFlags } from '../csv-flags.ts';

/** The flags of `train`. */
export const trainFlags: Record<string, FlagSpec> = {
  target: { type: 'string', help: 'column to predict (required)', placeholder: 'COL' },
  spec: {
    type: 'string',
    help: 'network spec JSON (default: a network chosen for the task)',
    placeholder: 'SPEC.json',
  },
  epochs: { type: 'string', help: 'passes over the training data', placeholder: 'N' },
  'batch-size': { type: 'string', help: 'rows per gradient step', placeholder: 'N' },
  'learning-rate': { type: 'string', help: 'step size of the optimizer', placeholder: 'X' },
  optimizer: { type: 'string', help: `one of ${OPTIMIZER_NAMES.join(', ')}`, placeholder: 'NAME' },
  seed: { type: 'string', help: 'seed for initialization, shuffling, dropout and splits', placeholder: 'N' },
  'validation-split': {
    type: 'string',
    help: 'fraction of rows held out for validation (default 0.1)',
    placeholder: 'F',
  },
  'test-split': {
    type: 'string',
    help: 'fraction of rows held out for the final test (default 0.2)',
    placeholder: 'F',
  },
  split: {
    type: 'string',
    help: 'random (default, stratified) or time: train on the earliest rows of the first date column, test on the latest',
    placeholder: 'random|time',
  },
  dates: {
    type: 'string',
    help: 'date columns become their varying parts (default), year + sine/cosine of each cycle, or both',
    placeholder: 'parts|cyclical|both',
  },
  'class-weight': {
    type: 'string',
    help: 'auto (default: balanced when the classes are strongly imbalanced), balanced or none',
    placeholder: 'auto|balanced|none',
  },
  auto: {
    type: 'boolean',
    help: 'find a good network: a budgeted search (TPE) over depth, width, activation, dropout, L2, learning rate, batch size and class weights',
  },
  budget: { type: 'string', help: 'seconds --auto may take (default 60)', placeholder: 'SECONDS' },
  'no-refit': {
    type: 'boolean',
    help: 'keep the early-stopped model instead of refitting it on train+validation rows',
  },
  backend: { type: 'string', help: `compute backend: ${BACKEND_NAMES.join(', ')}`, placeholder: 'NAME' },
  out: {
    type: 'string',
    help: 'where to write the model file (default: <data>.model.json)',
    placeholder: 'MODEL.json',
  },
  log: { type: 'string', help: 'write one JSON object per epoch to this file', placeholder: 'RUN.jsonl' },
  'split-out': {
    type: 'string',
    help: 'write the rows of each split to DIR/train.csv, validation.csv and test.csv (test.csv is for report)',
    placeholder: 'DIR',
  },
  'no-preprocess': { type: 'boolean', help: 'use the numbers as they are: no standardizing, no target scaling' },
  ...csvFlags('detected from the file; the model file stores what was used'),
  quiet: { type: 'boolean', help: 'print only the final results' },
  help: { type: 'boolean', help: 'show this help' },
};

/** Help for `train`. */
export const trainHelp = helpText(
  'backprop-studio train DATA.csv --target COL [flags]',
  'Train a network on a CSV file and save it as a model file. Without --spec, a network is chosen for the task\n(classification or regression, inferred from the target column).',
  trainFlags,
);
