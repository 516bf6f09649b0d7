/** `profile DATA.csv [--target COL]`: column types, missing values, statistics and data-quality warnings. */
import { profileTable, formatProfile } from '../../data/index.ts';
import { helpText, parseFlags, type FlagSpec } from '../args.ts';
import { csvFlags, csvOptionsOf } from '../csv-flags.ts';
import { loadCsv } from '../dataset.ts';

const flags: Record<string, FlagSpec> = {
  target: {
    type: 'string',
    help: 'the column you will predict (adds class-balance and leak checks)',
    placeholder: 'COL',
  },
  json: { type: 'boolean', help: 'print the profile as JSON instead of a table' },
  ...csvFlags('detected from the file'),
  help: { type: 'boolean', help: 'show this help' },
};

/** Help for `profile`. */
export const profileHelp = helpText(
  'backprop-studio profile DATA.csv [--target COL] [--json] [--decimal .|,] [--date-order ORDER]',
  'Describe every column (type, missing values, distinct values, statistics, top categories, histogram) and warn\nabout data-quality problems before training.',
  flags,
);

/** Run the command. */
export async function profileCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags('profile', argv, flags, ['DATA.csv']);
  if (values.help) return void process.stdout.write(profileHelp);
  const table = loadCsv(positionals[0], csvOptionsOf(values));
  const profile = profileTable(table, typeof values.target === 'string' ? { target: values.target } : {});
  process.stdout.write(values.json ? `${JSON.stringify(profile, null, 2)}\n` : `${formatProfile(profile)}\n`);
}
