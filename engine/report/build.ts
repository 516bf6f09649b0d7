/**
 * The one report writer: a self-contained HTML page (inline CSS and SVG, no scripts, no network requests:
 * its Content-Security-Policy allows nothing to load) with the sections Data, Network, Training,
 * Evaluation, Importance and Reproduce. Every text from a file (column names, values, classes) is escaped.
 */
import { esc } from './html.ts';
import { dataSection } from './sections/data.ts';
import { evaluationSection } from './sections/evaluation.ts';
import { importanceSection } from './sections/importance.ts';
import { networkSection } from './sections/network.ts';
import { reproduceSection } from './sections/reproduce.ts';
import { trainingSection } from './sections/training.ts';
import { REPORT_CSS } from './styles.ts';
import type { ReportInput } from './types.ts';

/** The sections in page order, as id → heading. */
export const REPORT_SECTIONS = {
  data: 'Data',
  network: 'Network',
  training: 'Training',
  evaluation: 'Evaluation',
  importance: 'Importance',
  reproduce: 'Reproduce',
} as const;

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** The report as HTML text. */
export function buildReport(r: ReportInput): string {
  const m = r.model;
  const pre = m.preprocessing;
  const target = pre?.target.column ?? '';
  const features = new Set(pre?.features.map((f) => f.column) ?? []);
  const task =
    m.task.kind === 'classification'
      ? `classification of '${target}' into ${m.task.classes.length} classes`
      : `regression of '${target}'`;
  const made = r.createdAt.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
  const nav = Object.entries(REPORT_SECTIONS)
    .map(([id, name]) => `<li><a href="#${id}">${name}</a></li>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="Backprop Studio">
<title>${esc(r.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>${esc(r.title)}</h1>
<p class="lead">${esc(m.spec.name ?? 'Network')}: ${esc(task)}. Report made ${esc(made)} by Backprop Studio.</p>
<nav aria-label="Sections"><ul>${nav}</ul></nav>
</header>
<main>
${dataSection(r.data, target, features)}
${networkSection(m)}
${trainingSection(m)}
${evaluationSection(r.evaluation, target, r.data.scored, r.data.trainingRows)}
${importanceSection(r.importance, r.dependence, r.dependenceNotes, r.explainedSample)}
${reproduceSection(m, r.reproduce)}
</main>
<footer>Made with Backprop Studio. This file is self-contained: it loads nothing and runs no scripts;
print it to PDF from a browser.</footer>
</body>
</html>
`;
}
