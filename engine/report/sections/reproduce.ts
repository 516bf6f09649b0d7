/** The Reproduce section: the command lines, the seed, the versions, the model file's checksum and spec. */
import type { ModelFile } from '../../export/index.ts';
import { esc, facts, folded } from '../html.ts';
import type { ReportReproduce } from '../types.ts';

/** The section's HTML. */
export function reproduceSection(model: ModelFile, r: ReportReproduce): string {
  const commands = r.commands.map((c) => `<p>${esc(c.label)}</p><pre><code>${esc(c.command)}</code></pre>`).join('\n');
  const spec = JSON.stringify(model.spec, null, 2);
  return `<section id="reproduce" aria-labelledby="reproduce-h"><h2 id="reproduce-h">Reproduce</h2>
${commands}
${facts([
  ['Seed', String(model.seed)],
  ['Model file SHA-256', r.modelChecksum],
  ['Model trained', model.createdAt || '—'],
  ['Model file format', `${model.format} version ${model.version}`],
  ...Object.entries(r.versions),
])}
${folded('The network spec (save it as spec.json and pass it to train --spec)', `<pre><code>${esc(spec)}</code></pre>`)}
</section>`;
}
