/**
 * `report MODEL.json --data TEST.csv --out report.html`: one self-contained HTML page about the model (its
 * data, network, training, evaluation on TEST.csv, column importance and how to reproduce it), built by
 * engine/report from the run pipeline's evaluation and engine/explain.
 */
import { basename } from 'node:path';
import { createBackend } from '../../backend/index.ts';
import { readingOptions } from '../../data/index.ts';
import { DEFAULT_REPEATS, MAX_GRID } from '../../explain/index.ts';
import { parseModelFile } from '../../export/index.ts';
import { BACKPROP_STUDIO_VERSION, buildReport, collectReport, DEFAULT_TOP_COLUMNS } from '../../report/index.ts';
import { BACKEND_NAMES, type BackendChoice } from '../../spec/index.ts';
import { helpText, MAX_SEED, numberFlag, parseFlags, type FlagSpec } from '../args.ts';
import { csvFlags, csvOptionsOf } from '../csv-flags.ts';
import { loadCsv } from '../dataset.ts';
import { readBytes, readJson } from '../files.ts';
import { checkOutputs, writeFileAtomic } from '../outputs.ts';
import { UsageError } from '../usage-error.ts';

const flags: Record<string, FlagSpec> = {
  data: {
    type: 'string',
    help: 'labelled CSV to evaluate on (required): rows the model did not train on',
    placeholder: 'TEST.csv',
  },
  out: { type: 'string', help: 'where to write the report (required)', placeholder: 'report.html' },
  title: {
    type: 'string',
    help: 'the report\'s title (default: "Report: <network> on <data file>")',
    placeholder: 'TEXT',
  },
  repeats: { type: 'string', help: `importance: shuffles per column (default ${DEFAULT_REPEATS})`, placeholder: 'N' },
  seed: { type: 'string', help: "importance: seed of the shuffles (default: the model's seed)", placeholder: 'S' },
  top: {
    type: 'string',
    help: `partial-dependence charts for this many of the most important columns (default ${DEFAULT_TOP_COLUMNS})`,
    placeholder: 'N',
  },
  backend: { type: 'string', help: `compute backend: ${BACKEND_NAMES.join(', ')} (default auto)`, placeholder: 'NAME' },
  ...csvFlags("the model's (how its training file was read)"),
  help: { type: 'boolean', help: 'show this help' },
};

/** Help for `report`. */
export const reportHelp = helpText(
  'backprop-studio report MODEL.json --data TEST.csv --out report.html [--title TEXT] [--repeats N] [--top N]',
  `Write one self-contained HTML file about the model: Data (the file, its columns' profile and warnings),
Network (drawing and layer table), Training (settings, curves, stop reason), Evaluation on TEST.csv (metrics;
confusion matrix and ROC/PR, or predicted against actual and residuals), Importance (permutation importance
and the top columns' partial dependence) and Reproduce (commands, seed, versions, the model's SHA-256).
It loads nothing from the network and runs no scripts; open it in a browser, share it, or print it to PDF.`,
  flags,
);

/** The command line as the user could type it again (arguments with spaces or quotes quoted). */
function commandLine(argv: readonly string[]): string {
  const quote = (a: string) => (/^[\w./:=@%+,-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`);
  return ['backprop-studio', 'report', ...argv.map(quote)].join(' ');
}

/** Run the command. */
export async function reportCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags('report', argv, flags, ['MODEL.json']);
  if (values.help) return void process.stdout.write(reportHelp);
  const modelPath = positionals[0]!;
  if (typeof values.data !== 'string')
    throw new UsageError(
      'cli/missing-data',
      'report needs --data TEST.csv: a labelled CSV to evaluate the model on, ideally rows it did not train on.',
    );
  if (typeof values.out !== 'string')
    throw new UsageError('cli/missing-out', 'report needs --out report.html: where to write the report.');
  const dataPath = values.data;
  const out = values.out;
  const repeats = numberFlag(values, 'repeats', { integer: true, min: 1, max: 1000 });
  const seed = numberFlag(values, 'seed', { integer: true, min: 0, max: MAX_SEED });
  const top = numberFlag(values, 'top', { integer: true, min: 0, max: MAX_GRID });
  const backendName = values.backend ?? 'auto';
  if (!(BACKEND_NAMES as readonly unknown[]).includes(backendName)) {
    throw new UsageError(
      'cli/bad-choice',
      `--backend must be one of ${BACKEND_NAMES.join(', ')}, got '${String(backendName)}'.`,
    );
  }
  checkOutputs(
    [{ flag: '--out', path: out, example: 'report.html' }],
    [
      { what: 'the model file', path: modelPath },
      { what: 'the CSV file', path: dataPath },
    ],
  );
  const model = parseModelFile(readJson(modelPath, 'Model file'));
  const modelSource = readBytes(modelPath, 'Model file');
  const table = loadCsv(dataPath, { ...readingOptions(model.reading), ...csvOptionsOf(values) });
  for (const w of table.warnings) process.stderr.write(`warning: ${w.message}\n`);
  const { backend } = await createBackend(backendName as BackendChoice);
  try {
    const input = await collectReport(model, table, backend, {
      file: basename(dataPath),
      modelSource,
      repeats,
      seed,
      top,
      ...(typeof values.title === 'string' ? { title: values.title } : {}),
      reproduce: {
        commands: [{ label: 'Make this report again:', command: commandLine(argv) }],
        versions: {
          'Backprop Studio': BACKPROP_STUDIO_VERSION,
          Node: process.version.replace(/^v/, ''),
          'Compute backend': backend.name,
        },
      },
    });
    for (const w of input.data.warnings) process.stderr.write(`warning: ${w.message}\n`);
    if (input.data.trainingRows) process.stderr.write(`warning: ${input.data.trainingRows}\n`);
    const html = buildReport(input);
    writeFileAtomic(out, html);
    process.stderr.write(`Wrote the report (${Math.ceil(html.length / 1024)} KB) to ${out}\n`);
  } finally {
    backend.destroy();
  }
}
