/** A horizontal bar chart with error bars (permutation importance: mean ± std per column) as inline SVG. */
import { esc, fmt, svgImage } from './html.ts';
import { linearScale } from './scale.ts';

/** One bar: its label, value, spread, and whether it is drawn as shown to matter. */
export interface Bar {
  label: string;
  value: number;
  error: number;
  strong: boolean;
}

/** Most bars drawn; the table beside the chart lists every column. */
export const MAX_BARS = 30;
const W = 640;
const ROW = 22;
const LEFT = 170;
const RIGHT = 24;

/** The bars as a `<figure>`: an SVG image with a title and description. */
export function barChart(id: string, title: string, description: string, axis: string, bars: readonly Bar[]): string {
  const shown = bars.slice(0, MAX_BARS);
  const h = 40 + shown.length * ROW;
  const lo = Math.min(0, ...shown.map((b) => b.value - b.error));
  const hi = Math.max(0, ...shown.map((b) => b.value + b.error));
  const xs = linearScale(lo, hi > lo ? hi : lo + 1, LEFT, W - RIGHT, 5);
  const parts: string[] = [];
  for (const t of xs.ticks) {
    const x = xs.at(t).toFixed(1);
    parts.push(
      `<line class="grid" x1="${x}" x2="${x}" y1="8" y2="${h - 28}"/>`,
      `<text x="${x}" y="${h - 14}" text-anchor="middle">${esc(fmt(t, 3))}</text>`,
    );
  }
  shown.forEach((b, i) => {
    const y = 10 + i * ROW;
    const a = xs.at(Math.min(0, b.value));
    const w = Math.abs(xs.at(b.value) - xs.at(0));
    const label = b.label.length > 24 ? `${b.label.slice(0, 23)}…` : b.label;
    parts.push(`<text x="${LEFT - 8}" y="${y + 8}" text-anchor="end" dominant-baseline="middle">${esc(label)}</text>`);
    parts.push(
      `<rect class="${b.strong ? 'bar' : 'bar weak'}" x="${a.toFixed(1)}" y="${y + 2}"`,
      ` width="${w.toFixed(1)}" height="${ROW - 8}"/>`,
    );
    const e0 = xs.at(b.value - b.error).toFixed(1);
    const e1 = xs.at(b.value + b.error).toFixed(1);
    const ym = y + ROW / 2 - 3;
    parts.push(`<path class="err" d="M${e0} ${ym}H${e1}M${e0} ${ym - 4}v8M${e1} ${ym - 4}v8"/>`);
  });
  const zero = xs.at(0).toFixed(1);
  parts.push(`<line class="axis" x1="${zero}" x2="${zero}" y1="8" y2="${h - 28}"/>`);
  parts.push(`<text class="label" x="${(LEFT + W - RIGHT) / 2}" y="${h - 1}" text-anchor="middle">${esc(axis)}</text>`);
  const svg = svgImage(id, { w: W, h: h + 4 }, title, description, parts.join(''));
  return `<figure class="chart">${svg}<figcaption>${esc(title)}</figcaption></figure>`;
}
