/** `inspect SPEC_OR_MODEL.json`: a table of layers, output shapes and parameter counts. */
import { isRecord } from '../../spec/fields.ts';
import { parseModelFile, MODEL_FORMAT } from '../../export/index.ts';
import {
  estimateMemory,
  formatBytes,
  LIMITS,
  parseSpec,
  summarizeLayers,
  type NetworkSpec,
  type Task,
} from '../../spec/index.ts';
import { helpText, numberFlag, parseFlags, type FlagSpec } from '../args.ts';
import { readingText } from '../csv-flags.ts';
import { readJson } from '../files.ts';

const flags: Record<string, FlagSpec> = {
  inputs: {
    type: 'string',
    help: 'number of input features, for a spec that takes it from the data',
    placeholder: 'N',
  },
  help: { type: 'boolean', help: 'show this help' },
};

/** Help for `inspect`. */
export const inspectHelp = helpText(
  'backprop-studio inspect SPEC_OR_MODEL.json [--inputs N]',
  'Show each layer with its output shape and parameter count.',
  flags,
);

/** Run the command. */
export async function inspectCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags('inspect', argv, flags, ['SPEC_OR_MODEL.json']);
  if (values.help) return void process.stdout.write(inspectHelp);
  let inputs: number | null = numberFlag(values, 'inputs', { integer: true, min: 1 }) ?? null;
  const json = readJson(positionals[0], 'File');
  let spec: NetworkSpec;
  let task: Task | null = null;
  let title: string;
  if (isRecord(json) && json.format === MODEL_FORMAT) {
    const model = parseModelFile(json);
    spec = model.spec;
    inputs = model.inputs;
    task = model.task;
    const taskText = task.kind === 'classification' ? `classification (${task.classes.join(', ')})` : 'regression';
    title = `Model: ${spec.name ?? positionals[0]} — ${taskText}, ${model.history.length} epochs trained, seed ${model.seed}\nReads CSVs with ${readingText(model.reading)}`;
  } else {
    spec = parseSpec(json);
    inputs ??= spec.inputs ?? null;
    title = `Spec: ${spec.name ?? positionals[0]}${inputs === null ? ' (input size comes from the data; pass --inputs N to count parameters)' : ''}`;
  }
  const rows = summarizeLayers(spec, inputs, task);
  const table = [['#', 'id', 'type', 'details', 'output shape', 'parameters']];
  table.push(['', 'input', 'input', '', `[batch, ${inputs ?? '?'}]`, '0']);
  rows.forEach((r, i) =>
    table.push([
      String(i + 1),
      r.id,
      r.type,
      r.detail,
      `[batch, ${r.outputShape[1] ?? '?'}]`,
      r.params.toLocaleString('en-US'),
    ]),
  );
  const total = rows.reduce((s, r) => s + r.params, 0);
  const hasAuto = !task && spec.layers.some((l) => l.type === 'dense' && l.units === 'auto');
  const note = hasAuto
    ? "\nThe 'auto' output layer's size comes from the target: as many units as classes (1 for binary or regression)."
    : '';
  const memory = estimateMemory(
    { parameters: total, inputs: inputs ?? 0, widths: rows.reduce((s, r) => s + (r.outputShape[1] ?? 0), 0) },
    1,
    spec.training?.optimizer?.type,
  );
  const warning =
    memory.total > LIMITS.trainingBytes
      ? `warning: training ${total.toLocaleString('en-US')} parameters needs about ${formatBytes(memory.total)}, over the limit of ${formatBytes(LIMITS.trainingBytes)}: Backprop Studio will refuse to train or load this network. Use fewer or smaller layers.`
      : '';
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
  const line = (row: string[]) =>
    row.map((cell, c) => (c === 5 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ');
  process.stdout.write(
    `${title}\n\n${line(table[0])}\n${widths.map((w) => '─'.repeat(w)).join('  ')}\n${table.slice(1).map(line).join('\n')}\n\nTotal parameters: ${total.toLocaleString('en-US')}${inputs === null ? ' (without the first dense layer, whose size needs the input width)' : ''}${note}\n`,
  );
  if (warning) process.stderr.write(`${warning}\n`);
}
