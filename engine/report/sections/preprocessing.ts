/** How each CSV column becomes the network's inputs (the model's fitted preprocessing), as a table. */
import { transformNames, type FeatureTransform, type Preprocessing } from '../../data/index.ts';
import { count, esc, fmt, MAX_TABLE_ROWS, table, type Cell } from '../html.ts';

const SCALING: Record<string, string> = { standardize: 'standardized', minMax: 'scaled to 0–1', none: 'as is' };

function scaled(scaling: string, center: number, scale: number): string {
  return scaling === 'none' ? 'as is' : `${SCALING[scaling] ?? scaling} (x − ${fmt(center)}) / ${fmt(scale)}`;
}

function becomes(t: FeatureTransform): string {
  switch (t.kind) {
    case 'number':
      return `number, ${scaled(t.scaling, t.center, t.scale)}`;
    case 'boolean':
      return `0/1 (1: ${t.positive.join(', ') || '1'})`;
    case 'oneHot':
      return `one 0/1 input per category (${count(t.categories.length)}${t.hasOther ? ' and other' : ''})`;
    case 'ordinal':
      return `category index of ${count(t.categories.length)}, ${SCALING[t.scaling] ?? t.scaling}`;
    case 'datetime':
      return `date parts: ${t.parts.join(', ')}, ${SCALING[t.scaling] ?? t.scaling}`;
  }
}

/** A timestamp as its ISO date; a dash when it is not a date. */
function day(t: number): string {
  return Number.isFinite(t) && Math.abs(t) <= 8.64e15 ? new Date(t).toISOString().slice(0, 10) : '—';
}

function filled(t: FeatureTransform): string {
  const f = t.fill;
  const how = f.strategy === 'drop' ? 'rows dropped in training; filled' : `${f.strategy}`;
  let value: string;
  if (t.kind === 'oneHot') value = f.value < 0 ? 'no category' : (t.categories[f.value] ?? String(f.value));
  else if (t.kind === 'ordinal') value = t.categories[f.value] ?? String(f.value);
  else if (t.kind === 'datetime') value = day(f.value);
  else value = fmt(f.value);
  return `${how}: ${value}${f.indicator ? ', plus a was-missing input' : ''}`;
}

/** The table of the feature columns' transforms (at most MAX_TABLE_ROWS rows, saying so). */
export function preprocessingTable(pre: Preprocessing): string {
  const rows: Cell[][] = pre.features
    .slice(0, MAX_TABLE_ROWS)
    .map((t) => [t.column, becomes(t), { html: count(transformNames(t).length), num: true }, filled(t)]);
  const caption =
    pre.features.length > MAX_TABLE_ROWS
      ? `How the first ${MAX_TABLE_ROWS} of ${count(pre.features.length)} columns become inputs`
      : 'How each column becomes inputs (fitted on the training rows)';
  const t = pre.target;
  const name = esc(t.column);
  const target =
    t.kind === 'regression'
      ? `The target '${name}' is learned as (y − ${esc(fmt(t.mean))}) / ${esc(fmt(t.std))},` +
        ' predictions turned back into its units.'
      : `The target '${name}' is one of ${count(t.classes.length)} classes.`;
  return `${table(caption, ['Column', 'Becomes', 'Inputs', 'Missing values'], rows)}\n<p>${target}</p>`;
}
