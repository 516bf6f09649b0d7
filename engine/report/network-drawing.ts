/** The network drawn as inline SVG: the inputs, then each layer as a box with its size, left to right. */
import type { LayerSummary } from '../spec/index.ts';
import { esc, svgImage } from './html.ts';

const BOX_W = 112;
const GAP = 28;
const H = 150;

function layerLines(l: LayerSummary): [string, string] {
  if (l.type === 'dense') return [`Dense ${l.outputShape[1] ?? '?'}`, l.detail.replace(/^\S+ units, /, '')];
  if (l.type === 'batchNorm') return ['Batch norm', `${l.outputShape[1] ?? '?'} features`];
  if (l.type === 'dropout') return ['Dropout', l.detail];
  return [l.type[0]!.toUpperCase() + l.type.slice(1), l.detail];
}

/** The drawing as a figure: an SVG image whose description lists the layers in order. */
export function networkDrawing(inputs: number, outputs: string, layers: readonly LayerSummary[]): string {
  const boxes: [string, string, string][] = [
    ['input', `Inputs ${inputs}`, 'features'],
    ...layers.map((l): [string, string, string] => [l.type === 'dense' ? 'dense' : 'other', ...layerLines(l)]),
  ];
  const rows = Math.ceil(boxes.length / 5);
  const perRow = Math.min(boxes.length, 5);
  const w = perRow * BOX_W + (perRow - 1) * GAP + 16;
  const h = rows * H;
  const parts: string[] = [
    '<defs><marker id="net-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto">',
    '<path d="M0 0L8 4L0 8z" class="arrowhead"/></marker></defs>',
  ];
  // A box's height grows with its width (log scale), centred on its row's line.
  const heightOf = (i: number): number => {
    const units = i === 0 ? inputs : (layers[i - 1]!.outputShape[1] ?? 1);
    return Math.max(56, Math.min(110, 40 + Math.log2(units + 1) * 8));
  };
  boxes.forEach(([kind, a, b], i) => {
    const x = 8 + (i % 5) * (BOX_W + GAP);
    const y = 20 + Math.floor(i / 5) * H;
    const bh = heightOf(i);
    const top = y + (110 - bh) / 2;
    parts.push(
      `<rect class="box ${kind}" x="${x}" y="${top.toFixed(1)}" width="${BOX_W}" height="${bh.toFixed(1)}" rx="8"/>`,
    );
    const mid = x + BOX_W / 2;
    parts.push(`<text x="${mid}" y="${y + 52}" text-anchor="middle" class="box-title">${esc(a)}</text>`);
    parts.push(
      `<text x="${mid}" y="${y + 70}" text-anchor="middle">${esc(b.length > 16 ? `${b.slice(0, 15)}…` : b)}</text>`,
    );
    if (i + 1 < boxes.length && (i + 1) % 5 !== 0) {
      parts.push(
        `<line class="link" x1="${x + BOX_W + 2}" y1="${y + 55}" x2="${x + BOX_W + GAP - 2}" y2="${y + 55}"` +
          ' marker-end="url(#net-arrow)"/>',
      );
    } else if (i + 1 < boxes.length) {
      // The last box of a row leads down to the first box of the next row.
      const nextTop = y + H + (110 - heightOf(i + 1)) / 2;
      const d = `M${mid} ${(top + bh + 2).toFixed(1)}V${y + 128}H${8 + BOX_W / 2}V${(nextTop - 2).toFixed(1)}`;
      parts.push(`<path class="link" d="${d}" marker-end="url(#net-arrow)"/>`);
    }
  });
  const order = boxes.map(([, a, b]) => `${a} (${b})`).join(', then ');
  const desc = `The network from left to right: ${order}. It outputs ${outputs}.`;
  const svg = svgImage('net', { w, h }, 'Network drawing', desc, parts.join(''));
  const caption = 'The network: inputs on the left, then each layer in order, five to a row.';
  return `<figure class="chart network" style="max-width:${w}px">${svg}<figcaption>${caption}</figcaption></figure>`;
}
