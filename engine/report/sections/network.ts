/** The Network section: the drawing, and the layer table with output shapes and parameter counts. */
import type { ModelFile } from '../../export/index.ts';
import { summarizeLayers } from '../../spec/index.ts';
import { count, esc, table, type Cell } from '../html.ts';
import { networkDrawing } from '../network-drawing.ts';
import { preprocessingTable } from './preprocessing.ts';

/** What the output layer gives, in words. */
function outputsText(model: ModelFile): string {
  const t = model.task;
  if (t.kind === 'regression') return `one value, the predicted '${model.preprocessing?.target.column ?? 'target'}'`;
  return t.classes.length === 2 && model.outputs === 1
    ? `the probability of '${t.classes[1]}' (of 2 classes)`
    : `a probability for each of ${t.classes.length} classes`;
}

/** The section's HTML. */
export function networkSection(model: ModelFile): string {
  const layers = summarizeLayers(model.spec, model.inputs, model.task);
  const total = layers.reduce((s, l) => s + l.params, 0);
  const rows: Cell[][] = [
    [{ html: 'input', header: true }, 'inputs', '', `[batch, ${model.inputs}]`, { html: '0', num: true }],
    ...layers.map((l): Cell[] => [
      { html: esc(l.id), header: true },
      l.type,
      l.detail,
      `[batch, ${l.outputShape[1] ?? '?'}]`,
      { html: count(l.params), num: true },
    ]),
  ];
  const shown = model.featureNames.slice(0, 12).join(', ');
  const names = model.featureNames.length > 12 ? `${shown}, …` : shown;
  return `<section id="network" aria-labelledby="network-h"><h2 id="network-h">Network</h2>
<p>${esc(model.spec.name ?? 'Network')}: ${count(model.inputs)} inputs (${esc(names)}), ${layers.length} layers,
${count(total)} parameters; loss ${esc(model.spec.loss ?? '')}. It outputs ${esc(outputsText(model))}.</p>
<h3>Preprocessing</h3>
${model.preprocessing ? preprocessingTable(model.preprocessing) : '<p>The model file stores no preprocessing.</p>'}
<h3>Layers</h3>
${networkDrawing(model.inputs, outputsText(model), layers)}
${table(`Layers: ${count(total)} parameters in all`, ['Layer', 'Type', 'Details', 'Output shape', 'Parameters'], rows)}
</section>`;
}
