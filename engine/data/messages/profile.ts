/** Messages of the profile: warnings about columns and the target, before any preprocessing. */
import { Col, col, fmt, listNames, p, plural, quoteAnd } from './text.ts';

/** The profile catalog: each entry returns a `Problem`; codes are stable, messages may be reworded. */
export const profileMessages = {
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
  caseOnlyClasses: (name: string, groups: readonly (readonly string[])[]) =>
    p(
      'case-only-classes',
      `column '${name}'`,
      `The target ${col(name)} has classes that differ only in upper and lower case (${groups.slice(0, 3).map(quoteAnd).join('; ')}${groups.length > 3 ? `; and ${plural(groups.length - 3, 'more group')}` : ''}), so each is learned as a separate class. If they are the same class, write them the same way in the file.`,
    ),
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
  targetUnusable: (name: string, reason: string) =>
    p(
      'target-unusable',
      `column '${name}'`,
      `The target ${col(name)} cannot be predicted because ${reason}. Choose another target column, or set the task to classification to use it anyway.`,
    ),
  targetMissing: (name: string, columns: readonly string[]) =>
    p(
      'target-not-found',
      'target',
      `The target column '${name}' is not in the file. Choose one of: ${listNames(columns, 30)}.`,
    ),
};
