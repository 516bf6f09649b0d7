/** The command-line interface: dispatch, help, and one clear message (no stack trace) for user errors. */
import { errorMessage, isUserError } from '../errors.ts';
import { registerNodeBackends } from './backends.ts';
import { fsErrorCode, fsErrorReason } from './fs-errors.ts';
import { evaluateCommand } from './commands/evaluate.ts';
import { explainCommand } from './commands/explain.ts';
import { gradientsCommand } from './commands/gradients.ts';
import { inspectCommand } from './commands/inspect.ts';
import { predictCommand } from './commands/predict.ts';
import { reportCommand } from './commands/report.ts';
const profileCommand = async (argv: string[]) => (await import('./commands/profile.ts')).profileCommand(argv);
import { trainCommand } from './commands/train.ts';
import { sweepCommand } from './commands/sweep.ts';
import { transformCommand } from './commands/transform.ts';
import { exportCommand } from './commands/export.ts';

const commands: Record<string, { run: (argv: string[]) => Promise<void>; about: string }> = {
  train: { run: trainCommand, about: 'train a network on a CSV and save the model file' },
  predict: { run: predictCommand, about: 'predict each row of a CSV with a model' },
  evaluate: { run: evaluateCommand, about: 'metrics of a model on a labelled CSV (JSON); --cv K for cross-validation' },
  inspect: { run: inspectCommand, about: 'layers, output shapes and parameter counts of a spec or model' },
  gradients: { run: gradientsCommand, about: 'gradient of the loss for every weight tensor (JSON)' },
  explain: {
    run: explainCommand,
    about: 'which columns matter (permutation importance), or why a row got its prediction',
  },
  profile: { run: profileCommand, about: 'column types, statistics and data-quality warnings of a CSV' },
  sweep: { run: sweepCommand, about: 'search hyperparameters: trials in parallel, ranked by a validation metric' },
  export: {
    run: exportCommand,
    about: 'write a model for another runtime: ONNX (raw columns or input matrix), TF.js, PyTorch package',
  },
  transform: { run: transformCommand, about: "the model's input matrix for a raw CSV (the numbers the network sees)" },
  report: {
    run: reportCommand,
    about: 'one self-contained HTML report: data, network, training, evaluation, importance',
  },
};

/** Top-level help. */
export function mainHelp(): string {
  const rows = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.about}`);
  return `Backprop Studio — build, train and export neural networks.

Usage: backprop-studio <command> [arguments] [flags]

Commands:
${rows.join('\n')}

Run 'backprop-studio <command> --help' for a command's flags.
Example: backprop-studio train resources/samples/iris.csv --target species --out iris.model.json
`;
}

/** Run the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(mainHelp());
    return 0;
  }
  if (name === '--version') {
    process.stdout.write('backprop-studio 0.1.0\n');
    return 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(
      `error: unknown command '${name}'. Commands: ${Object.keys(commands).join(', ')}. Run 'backprop-studio --help'.\n`,
    );
    return 2;
  }
  registerNodeBackends();
  try {
    await command.run(rest);
    return 0;
  } catch (e) {
    const { message, code } = failureMessage(e);
    process.stderr.write(`error: ${message}\n`);
    if (code === 70 && process.env.BACKPROP_STUDIO_DEBUG && e instanceof Error && e.stack)
      process.stderr.write(`${e.stack}\n`);
    return code;
  }
}

/**
 * What the user sees for an error that ended a command, and the exit status: 1 with the error's own
 * message for user errors and file-system refusals, 70 (EX_SOFTWARE) with a plea to report it for a bug.
 * Never a stack trace, unless BACKPROP_STUDIO_DEBUG is set and it is a bug.
 */
export function failureMessage(e: unknown): { message: string; code: 1 | 70 } {
  if (isUserError(e)) return { message: e.message, code: 1 };
  const code = fsErrorCode(e);
  if (code !== null) {
    const { path, syscall } = e as { path?: unknown; syscall?: unknown };
    const where = typeof path === 'string' ? ` '${path}'` : '';
    return { message: `Could not ${String(syscall)}${where}: ${fsErrorReason(e)}.`, code: 1 };
  }
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return {
      message:
        'An input nests too deeply to process (the call stack ran out). Check that the files are the ones you meant; if they are ordinary, this is a bug in Backprop Studio: please report it.',
      code: 1,
    };
  }
  const what = errorMessage(e);
  return {
    message: `internal error, a bug in Backprop Studio (not in your input): ${what}. Please report it with the command you ran; set BACKPROP_STUDIO_DEBUG=1 to print the stack trace.`,
    code: 70,
  };
}
