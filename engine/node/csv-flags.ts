/** The CSV reading flags of every command that reads a CSV: `--decimal`, `--date-order` and `--skip-malformed-rows`. */
import type { CsvOptions, CsvReading, DateOrder } from '../data/index.ts';
import type { FlagSpec, Parsed } from './args.ts';
import { UsageError } from './usage-error.ts';

/** `--date-order` values (the words the reader's warnings use) and the engine's names for them. */
const DATE_ORDER_VALUES: Readonly<Record<string, DateOrder>> = { 'day-first': 'dayFirst', 'month-first': 'monthFirst' };

/** The flags; `whenOmitted` says what reads the file without the first two (detection, or the model's settings). */
export function csvFlags(whenOmitted: string): Record<string, FlagSpec> {
  return {
    decimal: {
      type: 'string',
      help: `decimal separator: . or , (which also reads 1.234,5 and 1 234,5); default: ${whenOmitted}`,
      placeholder: '.|,',
    },
    'date-order': {
      type: 'string',
      help: `read dates like 03/04/2024 day-first or month-first; default: ${whenOmitted}`,
      placeholder: 'ORDER',
    },
    'skip-malformed-rows': {
      type: 'boolean',
      help: 'drop rows with the wrong number of values (with a warning naming them) instead of stopping',
    },
  };
}

/** The reading options the flags set; empty when neither is given. */
export function csvOptionsOf(values: Parsed['values']): CsvOptions {
  const options: CsvOptions = {};
  const decimal = values.decimal;
  if (decimal !== undefined) {
    if (decimal !== '.' && decimal !== ',')
      throw new UsageError(
        'cli/bad-decimal',
        `--decimal must be '.' (decimal point) or ',' (decimal comma), got '${String(decimal)}'.`,
      );
    options.decimal = decimal;
  }
  const order = values['date-order'];
  if (order !== undefined) {
    const value =
      typeof order === 'string' && Object.hasOwn(DATE_ORDER_VALUES, order) ? DATE_ORDER_VALUES[order] : undefined;
    if (!value)
      throw new UsageError(
        'cli/bad-date-order',
        `--date-order must be one of ${Object.keys(DATE_ORDER_VALUES).join(', ')}, got '${String(order)}'.`,
      );
    options.dateOrder = value;
  }
  if (values['skip-malformed-rows']) options.raggedRows = 'skip';
  return options;
}

/** A model's stored reading in the flags' words, e.g. "decimal ',' and month-first dates". */
export function readingText(reading: CsvReading | null): string {
  if (!reading) return 'not stored (decimal separator and date order are detected in each file)';
  const order = Object.entries(DATE_ORDER_VALUES).find(([, v]) => v === reading.dateOrder)?.[0];
  return `decimal '${reading.decimal}' and ${order ? `${order} dates` : 'dates like 03/04/2024 detected in each file'}`;
}
