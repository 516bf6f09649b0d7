import type { ColumnType, DateEncoding, MissingStrategy } from '../../../../engine/protocol/index.ts';

/** What a column card calls each column type. */
export const TYPE_LABELS: Record<ColumnType, string> = {
  numeric: 'Numeric',
  integer: 'Integer',
  boolean: 'Boolean',
  categorical: 'Categorical',
  datetime: 'Date/time',
  identifier: 'Identifier',
  text: 'Free text',
};

/** What the Missing values menu calls each strategy. */
export const MISSING_LABELS: Record<MissingStrategy, string> = {
  drop: 'Drop rows',
  mean: 'Fill with mean',
  median: 'Fill with median',
  mostFrequent: 'Most frequent',
  constant: 'Constant',
};

/** What the Date encoding menu calls each encoding: the features it makes. */
export const DATE_ENCODING_LABELS: Record<DateEncoding, string> = {
  parts: 'Year, month, weekday, day of year, hour',
  cyclical: 'Year + sine/cosine of each cycle',
  both: 'Both',
};
