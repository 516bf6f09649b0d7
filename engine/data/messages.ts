/**
 * Every message of the dataset area, in one catalog: what happened, where, and how to fix it.
 * Each entry returns a `Problem`; codes are stable, messages may be reworded.
 */
import type { Problem } from '../errors.ts';

const fmt = (n: number): string => n.toLocaleString('en-US');
const mebibytes = (bytes: number): string => `${fmt(Math.ceil(bytes / 1024 ** 2))} MiB`;
const plural = (n: number, word: string, many = `${word}s`): string => `${fmt(n)} ${n === 1 ? word : many}`;

/** `'a', 'b', 'c' and 4 more`. */
export function listNames(names: readonly string[], max = 8): string {
  const shown = names
    .slice(0, max)
    .map((n) => `'${n}'`)
    .join(', ');
  return names.length > max ? `${shown} and ${fmt(names.length - max)} more` : shown;
}

/** `'a', 'b' and 'c'`, every name. */
function quoteAnd(names: readonly string[]): string {
  const quoted = names.map((n) => `'${n}'`);
  return quoted.length < 2 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** `rows 4, 9 and 12` for up to a few row numbers. */
export function listRows(rows: readonly number[]): string {
  if (rows.length === 1) return `row ${rows[0]}`;
  return `rows ${rows.slice(0, -1).join(', ')} and ${rows[rows.length - 1]}`;
}

const p = (code: string, path: string, message: string): Problem => ({ code: `data/${code}`, path, message });
const col = (name: string): string => `column '${name}'`;
const Col = (name: string): string => `Column '${name}'`;
const order = (o: 'dayFirst' | 'monthFirst'): string => (o === 'dayFirst' ? 'day-first' : 'month-first');
const thousandsWord = (t: '.' | ' ' | null): string =>
  t === '.' ? " and '.' between thousands" : t === ' ' ? ' and a space between thousands' : '';

/** The catalog. */
export const messages = {
  constantColumn: (name: string, reason: string) =>
    p(
      'constant-column',
      `column '${name}'`,
      `${col(name)[0]!.toUpperCase()}${col(name).slice(1)} is left out because ${reason}, so it cannot help a prediction.`,
    ),
  excludedColumn: (name: string, reason: string) =>
    p(
      'excluded-column',
      `column '${name}'`,
      `${col(name)[0]!.toUpperCase()}${col(name).slice(1)} is left out because ${reason}. Set its role to feature (as categorical) to use it anyway.`,
    ),
  highCardinality: (name: string, distinct: number, kept: number) =>
    p(
      'high-cardinality',
      `column '${name}'`,
      `${col(name)[0]!.toUpperCase()}${col(name).slice(1)} has ${fmt(distinct)} different categories; one-hot encoding keeps the ${fmt(kept)} most frequent and puts the rest in 'other'. Raise the category limit, or use ordinal encoding, to keep more.`,
    ),
  classImbalance: (name: string, rare: string, rareCount: number, common: string, commonCount: number) =>
    p(
      'class-imbalance',
      `column '${name}'`,
      `The classes of ${col(name)} are imbalanced: '${rare}' has ${plural(rareCount, 'row')} and '${common}' has ${fmt(commonCount)}. Accuracy can look good while '${rare}' is mostly missed; check per-class recall, or collect more '${rare}' rows.`,
    ),
  duplicateRows: (count: number, firstLine: number, ignored: readonly string[]) =>
    p(
      'duplicate-rows',
      `row ${firstLine}`,
      `${plural(count, 'row repeats', 'rows repeat')} an earlier row ${ignored.length ? `(apart from ${listNames(ignored, 3)})` : 'exactly'}, first at row ${firstLine}. Duplicates can land in both the training and test splits and make scores look better than they are; remove them if they are not real repeats.`,
    ),
  leak: (name: string, target: string, how: string) =>
    p(
      'possible-leak',
      `column '${name}'`,
      `${col(name)[0]!.toUpperCase()}${col(name).slice(1)} predicts the target '${target}' perfectly (${how}), so it may be a copy of the answer (a leak). Set its role to ignore unless it is truly known before the target is.`,
    ),
  rangeLeak: (name: string, target: string, how: string) =>
    p(
      'possible-leak',
      `column '${name}'`,
      `${Col(name)} gives the target '${target}' away by its ranges (${how}), so it is likely a leak: a number assigned per class, such as a sample counter, rather than a measurement. Set its role to ignore unless it is truly known before the target is.`,
    ),
  scaleSpread: (small: string, smallRange: number, large: string, largeRange: number) =>
    p(
      'scale-spread',
      'preprocess',
      `Features have very different scales ('${small}' spans ${fmt(smallRange)}, '${large}' spans ${fmt(largeRange)}) and scaling is off, so training may be slow or unstable. Turn preprocessing on to standardize them.`,
    ),
  emptyFile: () =>
    p('empty-file', '', 'The file is empty. Choose a CSV file that has a header row and at least one row of data.'),
  headerOnly: (columns: number) =>
    p(
      'header-only',
      'row 2',
      `The file has a header row (${plural(columns, 'column')}) but no data rows. Add rows of data below the header.`,
    ),
  binaryFile: () =>
    p(
      'binary-file',
      '',
      'This file is not text: it contains binary bytes, so it is not a CSV file. Export the data as CSV (comma-separated values) and open that file.',
    ),
  utf16WithoutBom: () =>
    p(
      'utf16-without-bom',
      '',
      'This file looks like UTF-16 text without a byte-order mark, which cannot be read reliably. Save it as "CSV UTF-8" and open it again.',
    ),
  notUtf8: (row: number) =>
    p(
      'not-utf8',
      `row ${row}`,
      `The file is not valid UTF-8 (first at row ${fmt(row)}), so from there on it was read as Windows-1252 (Latin-1). If accented letters look wrong, save the file as "CSV UTF-8" and open it again.`,
    ),
  badDelimiter: (given: string) =>
    p('bad-delimiter', 'delimiter', `'${given}' cannot be used as a delimiter. Choose one of ',', ';', tab or '|'.`),
  unclosedQuote: (row: number) =>
    p(
      'unclosed-quote',
      `row ${row}`,
      `Row ${row} has a quote (") that is never closed, so everything after it would be read as one value. Close the quote or remove it, then open the file again.`,
    ),
  malformedQuote: (row: number) =>
    p(
      'malformed-quote',
      `row ${row}`,
      `Row ${row} has text right after the closing quote of a quoted value, so the values after it cannot be split reliably. Put the whole value in quotes and double any quote inside it ("Smith ""Jr"""), or remove the quotes.`,
    ),
  raggedRows: (rows: readonly number[], got: readonly number[], expected: number, count: number) =>
    p(
      'ragged-rows',
      `row ${rows[0]}`,
      count === 1
        ? `Row ${rows[0]} has ${plural(got[0]!, 'value')} but the header has ${plural(expected, 'column')}. Fix the row in the file, or choose "skip malformed rows".`
        : `${fmt(count)} rows do not have the ${fmt(expected)} values the header has (${rows.map((r, i) => `row ${r} has ${got[i]}`).join(', ')}${count > rows.length ? ', …' : ''}). Fix those rows in the file, or choose "skip malformed rows".`,
    ),
  allRowsRagged: (rows: readonly number[], got: readonly number[], expected: number, count: number) =>
    p(
      'ragged-rows',
      `row ${rows[0]}`,
      `None of the ${plural(count, 'data row')} has the ${fmt(expected)} values the header has (${rows.map((r, i) => `row ${r} has ${got[i]}`).join(', ')}${count > rows.length ? ', …' : ''}), so nothing is left after skipping them. Check the header row and the delimiter.`,
    ),
  skippedRows: (rows: readonly number[], count: number, expected: number) =>
    p(
      'skipped-rows',
      `row ${rows[0]}`,
      `Skipped ${plural(count, 'row')} that do${count === 1 ? 'es' : ''} not have ${fmt(expected)} values (first at ${listRows(rows)}).`,
    ),
  trailingDelimiter: (rows: number) =>
    p(
      'trailing-delimiter',
      '',
      `${plural(rows, 'row ends', 'rows end')} with an extra delimiter; the empty value after it was ignored.`,
    ),
  emptyHeader: (index: number, name: string) =>
    p(
      'empty-header',
      `column ${index + 1}`,
      `Column ${index + 1} has no name in the header row, so it was named '${name}'. Give it a name in the file to choose your own.`,
    ),
  duplicateHeader: (index: number, original: string, name: string) =>
    p(
      'duplicate-header',
      `column ${index + 1}`,
      `Column ${index + 1} has the same name as an earlier column ('${original}'), so it was renamed '${name}'. Give the columns different names in the file to choose your own.`,
    ),
  moreDuplicateHeaders: (count: number, index: number) =>
    p(
      'duplicate-header',
      `column ${index + 1}`,
      `${plural(count, 'more column has', 'more columns have')} the name of an earlier column (first column ${fmt(index + 1)}); each was renamed the same way, with the next free _2, _3, … suffix. Give the columns different names in the file to choose your own.`,
    ),
  moreEmptyHeaders: (count: number, index: number) =>
    p(
      'empty-header',
      `column ${index + 1}`,
      `${plural(count, 'more column has', 'more columns have')} no name in the header row (first column ${fmt(index + 1)}); each was named 'column N' after its position. Give them names in the file to choose your own.`,
    ),
  fileTooLarge: (name: string, bytes: number, max: number) =>
    p(
      'file-too-large',
      '',
      `'${name}' is ${mebibytes(bytes)}; the studio reads at most ${mebibytes(max)}. Split the file or sample its rows, then open the part you need.`,
    ),
  tooManyColumns: (columns: number, max: number, row: number) =>
    p(
      'too-many-columns',
      `row ${row}`,
      `Row ${row} has ${fmt(columns)} values; at most ${fmt(max)} columns can be read. Check that the delimiter is right (this may not be a CSV file), or keep only the columns you need.`,
    ),
  tooFewRows: (rows: number) =>
    p(
      'too-few-rows',
      '',
      `Only ${plural(rows, 'row')} can be used (rows with a missing target are left out); at least 2 are needed to train and test a model. Add more rows.`,
    ),
  noHoldout: (rows: number, empty: readonly ('validation' | 'test')[]) => {
    const lost = empty.map((e) => (e === 'validation' ? 'no validation loss' : 'no test score')).join(' and ');
    const raise = empty.length === 1 ? `, or raise the ${empty[0]} fraction` : '';
    return p(
      'no-holdout',
      'split',
      `Only ${plural(rows, 'row')} can be used, too few to hold out ${empty.join(' or ')} rows, so the model is trained without them: there is ${lost}. Add rows${raise}.`,
    );
  },
  randomSplitWithDates: (name: string) =>
    p(
      'random-split-with-dates',
      'split',
      `The rows are split at random, but ${col(name)} holds dates. If the model will predict later rows from earlier ones, a random split tests it on dates among those it trained on, and its scores look better than they will be; then choose the time-ordered split (train --split time; in the app, "Split by time"), which tests on the latest rows.`,
    ),
  noTimeColumn: (name: string | null, dates: readonly string[]) =>
    p(
      'no-time-column',
      'timeColumn',
      name === null
        ? 'A time-ordered split needs a column of dates that differ from row to row, and there is none. Use the random split, or add a date column (such as 2024-01-31).'
        : `${Col(name)} holds no dates, so the rows cannot be ordered by it. ${dates.length ? `Choose one of the date columns: ${listNames(dates)}.` : 'Use the random split, or add a date column (such as 2024-01-31).'}`,
    ),
  unknownColumn: (name: string, where: string, columns: readonly string[]) =>
    p('unknown-column', where, `There is no column '${name}' in the data. Choose one of: ${listNames(columns, 30)}.`),
  targetMissing: (name: string, columns: readonly string[]) =>
    p(
      'target-not-found',
      'target',
      `The target column '${name}' is not in the file. Choose one of: ${listNames(columns, 30)}.`,
    ),
  noTarget: (columns: readonly string[]) =>
    p('no-target', 'target', `Choose the column to predict (the target): one of ${listNames(columns, 30)}.`),
  targetAllMissing: (name: string) =>
    p(
      'target-all-missing',
      `column '${name}'`,
      `Every value of the target ${col(name)} is missing, so there is nothing to learn. Choose another target or fill in the column.`,
    ),
  targetOneClass: (name: string, value: string) =>
    p(
      'target-one-class',
      `column '${name}'`,
      `The target ${col(name)} has only one value ('${value}'), so there is nothing to tell apart. Choose a target with at least two different values.`,
    ),
  targetNotNumeric: (name: string, example: string, row: number) =>
    p(
      'target-not-numeric',
      `row ${row}, column '${name}'`,
      `Regression needs a numeric target, but ${col(name)} has text such as '${example}' (row ${row}). Choose classification, or a numeric target.`,
    ),
  targetUnusable: (name: string, reason: string) =>
    p(
      'target-unusable',
      `column '${name}'`,
      `The target ${col(name)} cannot be predicted because ${reason}. Choose another target column, or set the task to classification to use it anyway.`,
    ),
  targetRowsDropped: (name: string, count: number, rows: readonly number[]) =>
    p(
      'target-rows-dropped',
      `column '${name}'`,
      `Left out ${plural(count, 'row')} whose target ${col(name)} is missing (first at ${listRows(rows)}).`,
    ),
  strayText: (
    name: string,
    count: number,
    examples: readonly { row: number; value: string }[],
    refused: boolean,
    isDate = false,
  ) =>
    p(
      'stray-text',
      `row ${examples[0]?.row ?? 0}, column '${name}'`,
      `${col(name)[0]!.toUpperCase()}${col(name).slice(1)} holds ${isDate ? 'dates' : 'numbers'}, but ${plural(count, 'row has', 'rows have')} text instead (${examples.map((e) => `row ${e.row}: '${e.value}'`).join(', ')}). ${refused ? 'Fix those values in the file, or choose "treat stray text as missing".' : isDate ? 'They are treated as missing; fix them in the file if they are real dates (such as 2024-01-31).' : "They are treated as missing; fix them in the file if they are real numbers (for a decimal comma, set the decimal separator to ',')."}`,
    ),
  highMissing: (name: string, share: number) =>
    p(
      'high-missing',
      `column '${name}'`,
      `${Math.round(share * 100)}% of ${col(name)} is missing; the filled-in values may mislead the model. Consider ignoring the column or adding a "was missing" indicator.`,
    ),
  highMissingCategory: (name: string, share: number, category: string) =>
    p(
      'high-missing',
      `column '${name}'`,
      `${Math.round(share * 100)}% of ${col(name)} is missing; the missing values are a category of their own ('${category}'). Ignore the column if the rest adds little.`,
    ),
  noFeatures: (target: string, reasons: readonly string[]) =>
    p(
      'no-features',
      'columns',
      `No column is left to learn from: every column other than the target '${target}' is ignored or left out${reasons.length ? ` (${reasons.join('; ')})` : ''}. Set at least one column's role to feature.`,
    ),
  badSplit: (validation: number, test: number) =>
    p(
      'bad-split',
      'split',
      `The validation (${validation}) and test (${test}) fractions must each be at least 0 and add up to less than 1, leaving rows to train on. Lower them.`,
    ),
  badColumnType: (name: string, type: string, reason: string) =>
    p(
      'bad-column-type',
      `column '${name}'`,
      `${col(name)[0]!.toUpperCase()}${col(name).slice(1)} cannot be used as ${type}: ${reason}. Choose another type for it.`,
    ),
  badMissingStrategy: (name: string, strategy: string, valid: readonly string[]) =>
    p(
      'bad-missing-strategy',
      `columns.${name}.missing`,
      `'${strategy}' cannot fill missing values of ${col(name)}, which holds categories. Choose one of: ${listNames(valid)}.`,
    ),
  rowsDropped: (name: string, count: number) =>
    p(
      'rows-dropped',
      `column '${name}'`,
      `Left out ${plural(count, 'row')} with a missing value in ${col(name)} ("drop rows" is chosen for it).`,
    ),
  allRowsDropped: () =>
    p(
      'all-rows-dropped',
      'columns',
      'No rows are left after dropping the rows with missing values. Choose another way to fill in missing values (mean, median or most frequent).',
    ),
  missingColumns: (names: readonly string[]) =>
    p(
      'missing-columns',
      `column '${names[0]}'`,
      `The file is missing ${names.length === 1 ? 'the column' : 'the columns'} ${listNames(names, 30)} that the model was trained on. Add ${names.length === 1 ? 'it' : 'them'} (same name) to the file.`,
    ),
  unseenCategories: (name: string, count: number, examples: readonly string[], bucket: string) =>
    p(
      'unseen-categories',
      `column '${name}'`,
      `${plural(count, 'row has', 'rows have')} a value in ${col(name)} that the model never saw in training (${listNames(examples, 3)}); ${count === 1 ? 'it was' : 'they were'} treated as ${bucket}.`,
    ),
  filledForDropped: (name: string, count: number) =>
    p(
      'filled-missing',
      `column '${name}'`,
      `${plural(count, 'row has', 'rows have')} a missing value in ${col(name)}; training left such rows out, so here ${count === 1 ? 'it was' : 'they were'} filled with the training value to still get a prediction.`,
    ),
  unknownTargetValues: (name: string, count: number, examples: readonly string[], regression = false) =>
    p(
      'unknown-target-values',
      `column '${name}'`,
      `${plural(count, 'row has', 'rows have')} a target in ${col(name)} that is ${regression ? 'missing or not a number' : "missing or not one of the model's classes"} (${listNames(examples, 3)}); ${count === 1 ? 'it is' : 'they are'} left out of the scores.`,
    ),
  badPreprocessing: (detail: string) =>
    p(
      'bad-preprocessing',
      'preprocessing',
      `The model's preprocessing is not readable: ${detail}. Train the model again, or update Backprop Studio if the model comes from a newer version.`,
    ),
  badOutputs: (got: number, expected: string) =>
    p(
      'bad-outputs',
      'outputs',
      `The network gives ${plural(got, 'output')} per row but the data needs ${expected}. Set the last layer's units to 'auto'.`,
    ),
  badFolds: (k: number, rows: number) =>
    p(
      'bad-folds',
      'cv',
      `Cross-validation needs between 2 and ${fmt(rows)} folds (one per row at most), not ${k}. Choose a K in that range, such as 5.`,
    ),
  decimalComma: (name: string, thousands: '.' | ' ' | null, text: string, row: number, value: number) =>
    p(
      'decimal-comma',
      `column '${name}'`,
      `${Col(name)} uses a decimal comma${thousandsWord(thousands)} ('${text}' at row ${row} read as ${value}).`,
    ),
  groupedThousands: (name: string, text: string, row: number, value: number) =>
    p(
      'thousands-comma',
      `column '${name}'`,
      `${Col(name)} uses ',' between thousands ('${text}' at row ${row} read as ${value}). If ',' is a decimal comma there, set the decimal separator to ','.`,
    ),
  mixedGrouping: (name: string, grouped: string, groupedRow: number, plain: string, plainRow: number) =>
    p(
      'mixed-thousands-comma',
      `row ${groupedRow}, column '${name}'`,
      `${Col(name)} writes some numbers with ',' between thousands ('${grouped}', row ${groupedRow}) and some without ('${plain}', row ${plainRow}), so the ones with ',' were read as text. Write all its numbers the same way, best without separators.`,
    ),
  nonFinite: (name: string, count: number, examples: readonly { row: number; value: string }[]) =>
    p(
      'non-finite',
      `row ${examples[0]?.row ?? 0}, column '${name}'`,
      `${Col(name)} has ${plural(count, 'value')} that ${count === 1 ? 'is not a finite number' : 'are not finite numbers'} (${examples.map((e) => `row ${e.row}: '${e.value}'`).join(', ')}${count > examples.length ? ', …' : ''}); ${count === 1 ? 'it is' : 'they are'} read as missing. Replace ${count === 1 ? 'it' : 'them'} with a number in the file if ${count === 1 ? 'it is a real value' : 'they are real values'}.`,
    ),
  mixedDecimalSeparators: (name: string, comma: string, commaRow: number, point: string, pointRow: number) =>
    p(
      'mixed-decimal-separators',
      `row ${commaRow}, column '${name}'`,
      `${Col(name)} mixes decimal separators: '${comma}' (row ${commaRow}) has a decimal comma but '${point}' (row ${pointRow}) a decimal point, so the values with a comma were not read as numbers. Write all its numbers with the same separator.`,
    ),
  mixedThousands: (name: string, dot: string, dotRow: number, space: string, spaceRow: number) =>
    p(
      'mixed-thousands-separators',
      `row ${spaceRow}, column '${name}'`,
      `${Col(name)} mixes thousands separators: '${dot}' (row ${dotRow}) uses '.' but '${space}' (row ${spaceRow}) a space, so it was not read with a decimal comma. Write all its numbers the same way.`,
    ),
  pointOrThousands: (name: string, comma: string, commaRow: number, grouped: string, groupedRow: number) =>
    p(
      'point-or-thousands',
      `row ${groupedRow}, column '${name}'`,
      `${Col(name)} has a decimal comma ('${comma}', row ${commaRow}) but also '${grouped}' (row ${groupedRow}), which is ${Number(grouped)} with a decimal point or ${Number(grouped.replace('.', ''))} with '.' between thousands, so it was not read with a decimal comma. Write '${grouped}' as ${grouped.replace('.', '')} or ${grouped.replace('.', ',')}, whichever it means.`,
    ),
  commaOrThousands: (name: string, text: string, row: number, decimal: number, thousands: number) =>
    p(
      'comma-or-thousands',
      `row ${row}, column '${name}'`,
      `${Col(name)} has values like '${text}' (row ${row}) whose comma could be a decimal comma (${decimal}) or separate thousands (${thousands}), so they were read as text. Set the decimal separator to ',' if it is a decimal comma, or remove the thousands separators from the file.`,
    ),
  dateOrderDetected: (name: string, o: 'dayFirst' | 'monthFirst', text: string, row: number, date: string) =>
    p(
      'date-order',
      `column '${name}'`,
      `${Col(name)} has ${order(o)} dates ('${text}' at row ${row} read as ${date}).`,
    ),
  dateOrderAssumed: (name: string, o: 'dayFirst' | 'monthFirst', text: string, row: number, date: string) =>
    p(
      'date-order-assumed',
      `column '${name}'`,
      `${Col(name)} has dates such as '${text}' (row ${row}) that could be day-first or month-first (no part is above 12); they were read ${order(o)}, as ${date}. If they are ${order(o === 'dayFirst' ? 'monthFirst' : 'dayFirst')}, set the date order to ${order(o === 'dayFirst' ? 'monthFirst' : 'dayFirst')}, or write the dates as YYYY-MM-DD.`,
    ),
  mixedDateOrders: (name: string, dayFirst: string, dayRow: number, monthFirst: string, monthRow: number) =>
    p(
      'mixed-date-orders',
      `row ${monthRow}, column '${name}'`,
      `${Col(name)} has dates in both orders: '${dayFirst}' (row ${dayRow}) can only be day-first and '${monthFirst}' (row ${monthRow}) only month-first, so the column was read as text. Write all its dates the same way, best as YYYY-MM-DD.`,
    ),
  caseOnlyClasses: (name: string, groups: readonly (readonly string[])[]) =>
    p(
      'case-only-classes',
      `column '${name}'`,
      `The target ${col(name)} has classes that differ only in upper and lower case (${groups.slice(0, 3).map(quoteAnd).join('; ')}${groups.length > 3 ? `; and ${plural(groups.length - 3, 'more group')}` : ''}), so each is learned as a separate class. If they are the same class, write them the same way in the file.`,
    ),
  tooManyCategories: (name: string) =>
    p(
      'too-many-categories',
      `column '${name}'`,
      `${col(name)[0]!.toUpperCase()}${col(name).slice(1)} has too many different values to be categorical. Use it as an identifier (ignored), or lower the number of categories in the file.`,
    ),
};
