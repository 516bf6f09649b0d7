/** A choice of the Numbers control: detect, or a decimal separator. */
export type DecimalChoice = 'auto' | '.' | ',';

/** A choice of the Dates control: detect, or an order of day and month. */
export type DateOrderChoice = 'auto' | 'dayFirst' | 'monthFirst';
