/** Plain-text formatting for the CLI: epoch lines and metric tables. */
import type { EpochSummary, Metrics } from '../train/index.ts';

/** A number with 4 significant digits (no exponent for everyday values). */
export function num(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  return Math.abs(x) >= 1e5 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(3) : x.toPrecision(4);
}

/** One line per epoch. */
export function epochLine(s: EpochSummary): string {
  const parts = [`epoch ${String(s.epoch).padStart(String(s.epochs).length)}/${s.epochs}`, `loss ${num(s.loss)}`];
  for (const [k, v] of Object.entries(s.metrics)) parts.push(`${k} ${num(v)}`);
  if (s.valLoss !== null) parts.push(`val_loss ${num(s.valLoss)}`);
  for (const [k, v] of Object.entries(s.valMetrics ?? {})) parts.push(`val_${k} ${num(v)}`);
  parts.push(`lr ${num(s.learningRate)}`, `${Math.round(s.elapsedMs)} ms`);
  return parts.join('  ');
}

/** A readable block of metrics for one split. */
export function metricsBlock(name: string, m: Metrics): string {
  if (m.kind === 'regression') {
    return `${name}: loss ${num(m.loss)}  MAE ${num(m.mae)}  RMSE ${num(m.rmse)}  R² ${num(m.r2)}`;
  }
  const w = Math.max(8, ...m.classes.map((c) => c.label.length));
  const lines = [
    `${name}: accuracy ${num(m.accuracy)}  balanced accuracy ${num(m.balancedAccuracy)}  macro F1 ${num(m.macroF1)}  loss ${num(m.loss)}`,
    `  ${'class'.padEnd(w)}  precision  recall  f1      support`,
  ];
  for (const c of m.classes) {
    lines.push(
      `  ${c.label.padEnd(w)}  ${num(c.precision).padEnd(9)}  ${num(c.recall).padEnd(6)}  ${num(c.f1).padEnd(6)}  ${c.support}`,
    );
  }
  lines.push(`  confusion (rows = true, columns = predicted): ${JSON.stringify(m.confusion)}`);
  return lines.join('\n');
}
