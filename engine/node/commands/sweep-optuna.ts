/**
 * `sweep … --export-optuna DIR`: the checked sweep as a folder that runs as an Optuna study on any machine with
 * Python, PyTorch and Optuna. DIR holds study.py (with its helper modules), study.json (the space mapped onto
 * Optuna), data.csv (the data, so the folder can be copied to other machines) and the PyTorch package whose train.py
 * trains each trial; the package's model.json is the base model (the network, and the preprocessing the run pipeline
 * fitted on the training rows).
 */
import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend } from '../../backend/index.ts';
import type { PreparedDataset } from '../../data/index.ts';
import { PYTORCH_MODEL_FILE, PYTORCH_SOURCE_FILES, type ModelFile } from '../../export/index.ts';
import { trainRun, yieldToEventLoop } from '../../run/index.ts';
import { resolveTraining } from '../../train/index.ts';
import type { BackendChoice } from '../../spec/index.ts';
import { optunaStudy, SweepError, type OptunaStudyConfig, type SweepSetup } from '../../sweep/index.ts';
import { checkNoOverwrite, makeFolder } from '../out-path.ts';
import { writeFileAtomic } from '../outputs.ts';
import { UsageError } from '../usage-error.ts';
import { pytorchPackageFiles } from '../pytorch-sources.ts';

/** The Python files of the study runner, next to its TypeScript mapping (engine/sweep/optuna/). */
const STUDY_SOURCES = [
  'study.py',
  'study_files.py',
  'study_objective.py',
  'study_storage.py',
  'sweep_space.py',
  'trials_csv.py',
] as const;
/** Every file the export writes: the study's, then the PyTorch package's (its model.json is the trials' base model). */
const STUDY_FILES = [
  ...STUDY_SOURCES,
  'study.json',
  'STUDY.md',
  'data.csv',
  ...PYTORCH_SOURCE_FILES,
  PYTORCH_MODEL_FILE,
] as const;

/** Flags of a sweep that runs here, which an exported study has no use for. */
const RUN_FLAGS = ['--out', '--best-model', '--concurrency', '--quiet'];

/**
 * Refuses flags only a sweep run here uses, and a DIR that is a file, has no parent folder, holds a folder where
 * a file of the study goes, or (without --force) holds a file the export would replace; data.csv that is the very
 * CSV being swept is not replaced. Returns the files --force will replace.
 */
export function checkStudyFolder(dir: string, argv: readonly string[], dataPath: string, force: boolean): string[] {
  const unused = RUN_FLAGS.filter((f) => argv.some((a) => a === f || a.startsWith(`${f}=`)));
  if (unused.length) {
    const many = unused.length > 1;
    throw new UsageError(
      'cli/export-optuna-flags',
      '--export-optuna writes the sweep for Optuna instead of running it, ' +
        `so ${unused.join(', ')} ${many ? 'have' : 'has'} no use with it: study.py's --export-trials and --best-model ` +
        `bring the trials and the best model back. Remove ${many ? 'them' : 'it'}.`,
    );
  }
  if (dir === '') {
    throw new UsageError('cli/no-out', '--export-optuna needs a folder, e.g. --export-optuna wine-study.');
  }
  const parent = join(dir, '..');
  if (!existsSync(parent)) {
    throw new UsageError(
      'cli/no-folder',
      `Cannot write into '${dir}': its parent folder does not exist. Create it first.`,
    );
  }
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new UsageError(
      'cli/out-not-folder',
      `--export-optuna '${dir}' is a file; the study is a folder of files. Name a folder, e.g. --export-optuna study.`,
    );
  }
  for (const name of STUDY_FILES) {
    const path = join(dir, name);
    if (existsSync(path) && !statSync(path).isFile()) {
      throw new UsageError(
        'cli/out-is-directory',
        `Cannot write '${path}': it is not a regular file. Remove it or choose another --export-optuna folder.`,
      );
    }
  }
  const data = join(dir, 'data.csv');
  const keeps = existsSync(data) && existsSync(dataPath) && sameFile(dataPath, data);
  return checkNoOverwrite(
    dir,
    STUDY_FILES.filter((name) => !(keeps && name === 'data.csv')),
    '--export-optuna',
    force,
  );
}

function sameFile(a: string, b: string): boolean {
  const [x, y] = [statSync(a), statSync(b)];
  return x.dev === y.dev && x.ino === y.ino;
}

/** The base model file: the spec the trials start from and the preprocessing fitted on the training rows. */
async function baseModel(
  setup: SweepSetup,
  prepared: PreparedDataset,
  validationSplit: number,
  backend: BackendChoice,
): Promise<ModelFile> {
  const training = resolveTraining(setup.spec.training);
  // One epoch gives a complete, valid model file; every trial trains from scratch, so these weights are never used.
  const spec = { ...setup.spec, training: { ...setup.spec.training, epochs: 1 } };
  const made = await createBackend(backend);
  try {
    const { model } = await trainRun({ spec, prepared, backend: made.backend, yieldToHost: yieldToEventLoop });
    model.spec = { ...model.spec, training: { ...model.spec.training, epochs: training.epochs, validationSplit } };
    return model;
  } finally {
    made.backend.destroy();
  }
}

/** The folder's guide to the study (README.md is the PyTorch package's). */
function studyReadme(config: OptunaStudyConfig, trials: number): string {
  const { sampler, pruner, objective } = config;
  const how = `${sampler.type} sampler${pruner ? `, ${pruner.type} pruner` : ''}`;
  const params = config.parameters.map((p) => `\`${p.path}\``).join(', ');
  return `# Optuna study

This folder runs a Backprop Studio search space as an Optuna study (${how}; objective: ${objective.direction}
${objective.metric}; parameters: ${params}).
Needs Python 3 with PyTorch (1.13 or later), pandas and Optuna (3.1 or later). Copy the whole folder to each machine.

\`\`\`sh
python3 study.py --storage sqlite:///study.db --trials ${trials}                       # one machine
python3 study.py --storage postgresql://USER:PASSWORD@HOST/DB --trials ${trials} --study-name NAME   # on every machine
python3 study.py --storage URL [--study-name NAME] --export-trials trials.csv --best-model best.model.json
\`\`\`

Every process that names the same storage and study name adds trials to the same study. Each trial applies its
values to the network in model.json and trains it from scratch on data.csv (or --data) with train.py's
train_model (--device cuda for a GPU). The trials CSV opens in Backprop Studio (Sweep tab, Open trials CSV; or
\`backprop-studio sweep --open trials.csv\`); the best model is a model file for \`backprop-studio evaluate\`,
\`predict\` and the rest.
`;
}

/** What the export needs from the sweep command. */
export interface OptunaExport {
  dir: string;
  dataPath: string;
  setup: SweepSetup;
  prepared: PreparedDataset;
  validationSplit: number;
  backend: BackendChoice;
}

/** Write the study folder; returns the lines to print (where it went, how to run it, what differs from `sweep`). */
export async function exportOptuna(o: OptunaExport): Promise<string[]> {
  const { config, problems, notes } = optunaStudy(o.setup);
  if (!config) throw new SweepError(problems);
  const model = await baseModel(o.setup, o.prepared, o.validationSplit, o.backend);
  makeFolder(o.dir);
  for (const f of pytorchPackageFiles(model)) writeFileAtomic(join(o.dir, f.path), f.text);
  for (const name of STUDY_SOURCES) {
    writeFileAtomic(join(o.dir, name), readFileSync(new URL(`../../sweep/optuna/${name}`, import.meta.url), 'utf8'));
  }
  writeFileAtomic(join(o.dir, 'study.json'), `${JSON.stringify(config, null, 2)}\n`);
  writeFileAtomic(join(o.dir, 'STUDY.md'), studyReadme(config, o.setup.settings.trials));
  const data = join(o.dir, 'data.csv');
  if (!existsSync(data) || !sameFile(o.dataPath, data)) copyFileSync(o.dataPath, data);
  const { settings } = o.setup;
  const study = join(o.dir, 'study.py');
  return [
    `Optuna study written to ${o.dir}: ${settings.strategy}, objective ${config.objective.direction} ` +
      `${config.objective.metric}.`,
    ...notes.map((n) => `note: ${n}`),
    'Run it from any number of processes and machines that share one storage, e.g.:',
    `  python3 ${study} --storage sqlite:///study.db --trials ${settings.trials}`,
    `  python3 ${study} --storage sqlite:///study.db --export-trials trials.csv --best-model best.model.json`,
  ];
}
