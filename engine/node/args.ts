/** Flag parsing for the CLI on node:util parseArgs, with errors that list the valid flags. */
import { parseArgs } from 'node:util';
import { UsageError } from './usage-error.ts';

/** Description of one flag. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  help: string;
  placeholder?: string;
}

/** Parsed flags and positionals. */
export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Parse `argv` for a command; unknown flags and missing values become UsageErrors. */
export function parseFlags(
  command: string,
  argv: string[],
  flags: Record<string, FlagSpec>,
  positionals: string[],
): Parsed {
  const options = Object.fromEntries(Object.entries(flags).map(([k, f]) => [k, { type: f.type }]));
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true, tokens: true });
  } catch (e) {
    const msg = (e as Error).message;
    const flag = /'(--?[^' ]+)/.exec(msg)?.[1] ?? '';
    const valid = Object.keys(flags)
      .map((k) => `--${k}`)
      .join(', ');
    if (/Unknown option/.test(msg))
      throw new UsageError(
        'cli/unknown-flag',
        `Unknown flag '${flag}' for '${command}'. Valid flags: ${valid}. See 'backprop-studio ${command} --help'.`,
      );
    if (/argument missing/.test(msg))
      throw new UsageError(
        'cli/missing-value',
        `Flag '${flag}' needs a value, e.g. ${flag} ${flags[flag.replace(/^-+/, '')]?.placeholder ?? 'VALUE'}.`,
      );
    if (/argument is ambiguous/.test(msg)) {
      throw new UsageError(
        'cli/dash-value',
        `Flag '${flag}' is followed by a value starting with '-'. Write it with '=', e.g. ${flag}=-1, so it is not read as another flag.`,
      );
    }
    throw new UsageError('cli/bad-flags', `${msg.replace(/\.$/, '')}. See 'backprop-studio ${command} --help'.`);
  }
  if (parsed.values.help) return { values: parsed.values, positionals: parsed.positionals };
  const given = new Map<string, string>();
  for (const token of parsed.tokens) {
    // A repeated switch (--quiet --quiet) means the same thing; a repeated value is ambiguous.
    if (token.kind !== 'option' || flags[token.name]?.type !== 'string') continue;
    const value = token.value ?? '';
    const before = given.get(token.name);
    if (before !== undefined) {
      throw new UsageError(
        'cli/repeated-flag',
        `--${token.name} is given twice ('${before}' and '${value}'). Give it once.`,
      );
    }
    given.set(token.name, value);
  }
  if (parsed.positionals.length < positionals.length) {
    const missing = positionals.slice(parsed.positionals.length).join(' and ');
    throw new UsageError(
      'cli/missing-argument',
      `'${command}' needs ${missing}. Usage: backprop-studio ${command} ${positionals.join(' ')} [flags]`,
    );
  }
  if (parsed.positionals.length > positionals.length) {
    throw new UsageError(
      'cli/extra-argument',
      `'${command}' takes ${positionals.length} argument(s) (${positionals.join(' ')}), got also '${parsed.positionals.slice(positionals.length).join("' '")}'. Flags start with --.`,
    );
  }
  return { values: parsed.values, positionals: parsed.positionals };
}

/** Most epochs `--epochs` accepts (train, sweep). */
export const MAX_EPOCHS = 1_000_000;

/** Largest seed: seeds are unsigned 32-bit (a sweep's trial seeds use the whole range). */
export const MAX_SEED = 2 ** 32 - 1;

/** Largest value of a whole-number flag that names no maximum of its own. */
export const MAX_WHOLE_FLAG = 2 ** 31 - 1;

/** A decimal number as people write it: 0.01, -3, 1e-3; not hex (0x10), binary, octal, Infinity or '1_000'. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A numeric flag value within bounds, or undefined when absent; whole-number flags are bounded by `MAX_WHOLE_FLAG` unless they name a `max`. */
export function numberFlag(
  values: Parsed['values'],
  name: string,
  opts: { integer?: boolean; min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean } = {},
): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const { integer, min = -Infinity, minExclusive, maxExclusive } = opts;
  const max = opts.max ?? (integer ? MAX_WHOLE_FLAG : Infinity);
  const v = typeof raw === 'string' && DECIMAL.test(raw.trim()) ? Number(raw) : NaN;
  const ok =
    Number.isFinite(v) &&
    (!integer || Number.isInteger(v)) &&
    (minExclusive ? v > min : v >= min) &&
    (maxExclusive ? v < max : v <= max);
  if (!ok) {
    const kind = integer ? 'a whole number' : 'a decimal number';
    const lo = Number.isFinite(min) ? ` ${minExclusive ? '>' : '≥'} ${min.toLocaleString('en-US')}` : '';
    const hi = Number.isFinite(max)
      ? `${lo ? ' and' : ''} ${maxExclusive ? '<' : '≤'} ${max.toLocaleString('en-US')}`
      : '';
    throw new UsageError('cli/bad-number', `--${name} must be ${kind}${lo}${hi}, got '${String(raw)}'.`);
  }
  return v;
}

/** Help text for a command. */
export function helpText(usage: string, about: string, flags: Record<string, FlagSpec>): string {
  const rows = Object.entries(flags).map(([k, f]) => {
    const left = `  --${k}${f.type === 'string' ? ` ${f.placeholder ?? 'VALUE'}` : ''}`;
    return `${left.padEnd(34)} ${f.help}`;
  });
  return `Usage: ${usage}\n\n${about}\n\nFlags:\n${rows.join('\n')}\n`;
}
