/**
 * The Evaluation section, from the run pipeline's evaluation: metrics; the confusion matrix, per-class
 * scores and (two classes) ROC and precision-recall curves; or predicted against actual and residuals.
 */
import type { ClassificationEvaluation, Evaluation, RegressionEvaluation } from '../../protocol/index.ts';
import { xyChart, type Point } from '../chart.ts';
import { count, esc, facts, fmt, folded, MAX_TABLE_ROWS, percent, table, type Cell } from '../html.ts';
import { thin } from '../scale.ts';

/** Most classes the confusion matrix shows (a wider one is unreadable; the per-class table remains). */
const MAX_MATRIX_CLASSES = 30;

function confusionTable(e: ClassificationEvaluation): string {
  if (e.classes.length > MAX_MATRIX_CLASSES) {
    const n = count(e.classes.length);
    const why = `too wide to show (at most ${MAX_MATRIX_CLASSES})`;
    return `<p>The confusion matrix of ${n} classes is ${why}; the scores per class follow.</p>`;
  }
  const max = Math.max(1, ...e.confusion.flat());
  const rows: Cell[][] = e.classes.map((label, a) => [
    label,
    ...e.classes.map((_, p): Cell => {
      const n = e.confusion[a]?.[p] ?? 0;
      const shade = (n / max).toFixed(2);
      return { html: `<span class="cm${a === p ? ' hit' : ''}" style="--a:${shade}">${count(n)}</span>`, num: true };
    }),
  ]);
  return table(
    'Confusion matrix: rows are the actual classes, columns the predicted ones',
    ['Actual \\ predicted', ...e.classes],
    rows,
  );
}

function curve(
  id: string,
  name: string,
  c: { points: { x: number; y: number }[]; auc: number },
  xLabel: string,
  yLabel: string,
  positive: string,
): string {
  const diagonal = id === 'roc' ? [{ kind: 'diagonal' as const, label: 'chance' }] : [];
  const chart = xyChart({
    id,
    title: `${name} of '${positive}' (area ${fmt(c.auc, 3)})`,
    xLabel,
    yLabel,
    xRange: [0, 1],
    yRange: [0, 1],
    refLines: diagonal,
    description:
      `${name} curve of the positive class '${positive}' over ${c.points.length} thresholds;` +
      ` the area under it is ${fmt(c.auc, 3)}.`,
    series: [{ name, points: c.points, style: 'line' }],
  });
  const rows = thin(c.points, 50).map((p): Cell[] => [{ html: esc(fmt(p.x)), num: true, header: true }, p.y]);
  return (
    chart + folded(`${name} points as a table`, table(`${name}: ${yLabel} at each ${xLabel}`, [xLabel, yLabel], rows))
  );
}

function classification(e: ClassificationEvaluation): string {
  const macroF1 = e.perClass.reduce((s, c) => s + c.f1, 0) / Math.max(1, e.perClass.length);
  const scored = e.actual.length;
  const perClass: Cell[][] = e.perClass
    .slice(0, MAX_TABLE_ROWS)
    .map((c) => [c.label, c.precision, c.recall, c.f1, { html: count(c.support), num: true }]);
  const positive = e.classes[1] ?? '';
  const perClassCaption =
    e.perClass.length > MAX_TABLE_ROWS
      ? `Scores of the first ${MAX_TABLE_ROWS} of ${count(e.perClass.length)} classes`
      : 'Scores per class';
  return `${facts([
    ['Rows scored', count(scored)],
    ['Accuracy', percent(e.accuracy)],
    ['Macro F1', fmt(macroF1)],
    ['Loss', fmt(e.loss)],
  ])}
${confusionTable(e)}
${table(perClassCaption, ['Class', 'Precision', 'Recall', 'F1', 'Rows'], perClass)}
${e.roc ? curve('roc', 'ROC', e.roc, 'false-positive rate', 'true-positive rate', positive) : ''}
${e.pr ? curve('pr', 'Precision-recall', e.pr, 'recall', 'precision', positive) : ''}`;
}

const ROW_HEAD = ['Row', 'Actual', 'Predicted', 'Residual'];

function regression(e: RegressionEvaluation, target: string): string {
  const n = e.actual.length;
  const pairs: Point[] = Array.from({ length: n }, (_, i) => ({ x: e.actual[i]!, y: e.predicted[i]! }));
  const residuals: Point[] = pairs.map((p) => ({ x: p.y, y: p.y - p.x }));
  const r = residuals.map((p) => p.y);
  const mean = r.reduce((a, b) => a + b, 0) / Math.max(1, n);
  const sd = Math.sqrt(r.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, n - 1));
  const scatter = xyChart({
    id: 'pva',
    title: `Predicted against actual '${target}'`,
    xLabel: `actual ${target}`,
    yLabel: `predicted ${target}`,
    description:
      `${count(n)} rows; a perfect model puts every dot on the diagonal.` +
      ` R² ${fmt(e.r2)}, mean absolute error ${fmt(e.mae)}.`,
    series: [{ name: 'rows', points: pairs, style: 'dots' }],
    refLines: [{ kind: 'diagonal', label: 'predicted = actual' }],
  });
  const lowest = r.reduce((a, b) => Math.min(a, b), Infinity);
  const highest = r.reduce((a, b) => Math.max(a, b), -Infinity);
  const resid = xyChart({
    id: 'resid',
    title: 'Residuals (predicted − actual) against predicted',
    xLabel: `predicted ${target}`,
    yLabel: 'residual',
    description:
      `${count(n)} residuals, mean ${fmt(mean)}, standard deviation ${fmt(sd)},` +
      ` from ${fmt(lowest)} to ${fmt(highest)}.` +
      ' Dots spread evenly around 0 show no pattern left to learn.',
    series: [{ name: 'rows', points: residuals, style: 'dots' }],
    refLines: [{ kind: 'horizontal', at: 0, label: 'no error' }],
  });
  const listed = Math.min(n, MAX_TABLE_ROWS);
  const rows = Array.from({ length: listed }, (_, i): Cell[] => [
    String((e.rowIndices[i] ?? i) + 1),
    e.actual[i]!,
    e.predicted[i]!,
    e.predicted[i]! - e.actual[i]!,
  ]);
  const caption = listed < n ? `The first ${listed} of ${count(n)} rows` : `All ${count(n)} rows`;
  return `${facts([
    ['Rows scored', count(n)],
    ['R²', fmt(e.r2)],
    ['Mean absolute error', fmt(e.mae)],
    ['Root mean squared error', fmt(e.rmse)],
    ['Loss', fmt(e.loss)],
  ])}
${scatter}
${resid}
${folded(`${caption} as a table`, table(`${caption}: actual, predicted and residual`, ROW_HEAD, rows))}`;
}

/** The section's HTML. */
export function evaluationSection(e: Evaluation, target: string, scored: string, trainingRows?: string | null): string {
  const unknown = e.kind === 'classification' ? "not one of the model's classes" : 'not a number';
  return `<section id="evaluation" aria-labelledby="evaluation-h"><h2 id="evaluation-h">Evaluation</h2>
<p>Scored on ${esc(scored)}. Rows whose target is missing or ${unknown} are left out.</p>
${trainingRows ? `<p class="warning" role="note"><strong>Warning:</strong> ${esc(trainingRows)}</p>` : ''}
${e.kind === 'classification' ? classification(e) : regression(e, target)}
</section>`;
}
