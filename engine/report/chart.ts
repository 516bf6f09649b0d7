/**
 * Line and scatter charts as inline SVG. Colours come from CSS classes (s0, s1, …) so the page's light
 * and dark styles apply; series also differ by dash pattern or marker, not by colour alone. Every chart
 * is an `img` with a title and a description, and the caller adds a table as its text alternative.
 */
import { esc, fmt, svgImage } from './html.ts';
import { extent, linearScale, thin } from './scale.ts';

/** A point in data units. */
export interface Point {
  x: number;
  y: number;
}

/** One series: a line through its points, or dots. */
export interface Series {
  name: string;
  points: readonly Point[];
  style: 'line' | 'dots';
  /** Marker radius of dots (default 2.5: many rows); few points read better larger. */
  size?: number;
}

/** A reference line: y = x, a horizontal line, or a vertical line, with a label. */
type RefLine = { kind: 'diagonal'; label: string } | { kind: 'horizontal' | 'vertical'; at: number; label: string };

/** What an XY chart draws. */
interface XYChart {
  /** Unique in the page: ids of the title and description derive from it. */
  id: string;
  title: string;
  /** What the chart shows, in words (its accessible description). */
  description: string;
  xLabel: string;
  yLabel: string;
  series: readonly Series[];
  refLines?: readonly RefLine[];
  /** Fixed ranges (0–1 for rates); otherwise fitted to the data. */
  xRange?: [number, number];
  yRange?: [number, number];
  /** Labels instead of numbers on the x axis (categories at x = 0, 1, …). */
  xCategories?: readonly string[];
}

/** Most points a series draws (a scatter of many rows stays a few tens of KB). */
export const MAX_POINTS = 1500;
const W = 640;
const H = 300;
const M = { left: 64, right: 16, top: 16, bottom: 48 };
const DASHES = ['', '6 4', '2 3', '10 3 2 3'];

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A dot of series `i` at (x, y): circle, square, triangle or diamond, so series differ by shape, not colour alone. */
function marker(i: number, x: number, y: number, r: number): string {
  const [cx, cy] = [x.toFixed(1), y.toFixed(1)];
  const at = (dx: number, dy: number) => `${(x + r * dx).toFixed(1)} ${(y + r * dy).toFixed(1)}`;
  switch (i % 4) {
    case 0:
      return `<circle cx="${cx}" cy="${cy}" r="${r}"/>`;
    case 1:
      return `<rect x="${(x - r).toFixed(1)}" y="${(y - r).toFixed(1)}" width="${2 * r}" height="${2 * r}"/>`;
    case 2:
      return `<path d="M${at(0, -1.2)}L${at(1.1, 0.8)}L${at(-1.1, 0.8)}Z"/>`;
    default:
      return `<path d="M${at(0, -1.3)}L${at(1.1, 0)}L${at(0, 1.3)}L${at(-1.1, 0)}Z"/>`;
  }
}

/** The legend under a chart: each series' name with its colour and dash or marker. */
export function legend(series: readonly { name: string; style: 'line' | 'dots' | 'bar' }[]): string {
  if (series.length < 2) return '';
  const items = series.map((s, i) => {
    const mark =
      s.style === 'line'
        ? `<line x1="0" y1="6" x2="22" y2="6" class="s${i % 8}" stroke-dasharray="${DASHES[i % 4]}"/>`
        : `<g class="s${i % 8} dot">${marker(i, 11, 6, 4)}</g>`;
    return `<li><svg width="22" height="12" aria-hidden="true">${mark}</svg>${esc(s.name)}</li>`;
  });
  return `<ul class="legend" aria-hidden="true">${items.join('')}</ul>`;
}

/** The chart as a `<figure>`: SVG (role img, titled and described) plus its legend. */
export function xyChart(c: XYChart): string {
  const all = c.series.flatMap((s) => s.points);
  const [x0, x1] =
    c.xRange ??
    (c.xCategories
      ? [-0.5, c.xCategories.length - 0.5]
      : extent(
          all.map((p) => p.x),
          c.series.some((s) => s.style === 'dots') ? 0.04 : 0,
        ));
  const [y0, y1] =
    c.yRange ??
    extent([...all.map((p) => p.y), ...(c.refLines ?? []).flatMap((r) => (r.kind === 'horizontal' ? [r.at] : []))]);
  const xs = linearScale(x0, x1, M.left, W - M.right, 6);
  const ys = linearScale(y0, y1, H - M.bottom, M.top, 5);
  const parts: string[] = [];
  for (const t of ys.ticks) {
    const y = ys.at(t).toFixed(1);
    parts.push(`<line class="grid" x1="${M.left}" x2="${W - M.right}" y1="${y}" y2="${y}"/>`);
    parts.push(
      `<text x="${M.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${esc(fmt(t, 3))}</text>`,
    );
  }
  const xTicks = c.xCategories
    ? c.xCategories.map((label, i) => ({ v: i, label: clip(label, 14) }))
    : xs.ticks.map((v) => ({ v, label: fmt(v, 3) }));
  for (const t of thin(xTicks, 12)) {
    parts.push(
      `<text x="${xs.at(t.v).toFixed(1)}" y="${H - M.bottom + 16}" text-anchor="middle">${esc(t.label)}</text>`,
    );
  }
  parts.push(
    `<rect class="frame" x="${M.left}" y="${M.top}" width="${W - M.left - M.right}" height="${H - M.top - M.bottom}"/>`,
  );
  for (const r of c.refLines ?? []) {
    const [ax, ay, bx, by] =
      r.kind === 'diagonal'
        ? [Math.max(x0, y0), Math.max(x0, y0), Math.min(x1, y1), Math.min(x1, y1)]
        : r.kind === 'horizontal'
          ? [x0, r.at, x1, r.at]
          : [r.at, y0, r.at, y1];
    parts.push(
      `<line class="ref" x1="${xs.at(ax).toFixed(1)}" y1="${ys.at(ay).toFixed(1)}"` +
        ` x2="${xs.at(bx).toFixed(1)}" y2="${ys.at(by).toFixed(1)}"><title>${esc(r.label)}</title></line>`,
    );
  }
  c.series.forEach((s, i) => {
    const pts = thin(
      s.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)),
      MAX_POINTS,
    );
    const cls = `s${i % 8}`;
    if (s.style === 'line') {
      const d = pts.map((p, j) => `${j ? 'L' : 'M'}${xs.at(p.x).toFixed(1)} ${ys.at(p.y).toFixed(1)}`).join('');
      parts.push(`<path class="${cls}" d="${d}" stroke-dasharray="${DASHES[i % 4]}"/>`);
    } else {
      parts.push(
        `<g class="${cls} dot">${pts.map((p) => marker(i, xs.at(p.x), ys.at(p.y), s.size ?? 2.5)).join('')}</g>`,
      );
    }
  });
  parts.push(
    `<text class="label" x="${(M.left + W - M.right) / 2}" y="${H - 8}" text-anchor="middle">${esc(c.xLabel)}</text>`,
  );
  parts.push(
    `<text class="label" transform="translate(14 ${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle">` +
      `${esc(c.yLabel)}</text>`,
  );
  const svg = svgImage(c.id, { w: W, h: H }, c.title, c.description, parts.join(''));
  return `<figure class="chart">${svg}${legend(c.series)}<figcaption>${esc(c.title)}</figcaption></figure>`;
}
