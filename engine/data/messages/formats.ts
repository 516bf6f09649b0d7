/** Messages about how a column's numbers and dates are written (decimal comma, thousands, date order). */
import { plural, p, Col, order, thousandsWord } from './text.ts';

/** The formats catalog: each entry returns a `Problem`; codes are stable, messages may be reworded. */
export const formatMessages = {
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
};
