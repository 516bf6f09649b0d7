/** Resolved colours of design tokens, for canvases (uPlot) that cannot read CSS variables. */

let probe: HTMLSpanElement | null = null;

/** The computed rgb() of a CSS custom property such as `--series-train`, under the current theme. */
export function resolveColor(token: string): string {
  if (!probe) {
    probe = document.createElement('span');
    probe.style.display = 'none';
    document.body.append(probe);
  }
  probe.style.color = `var(${token})`;
  return getComputedStyle(probe).color;
}

/** The colour with an alpha (for fills), from an `rgb(r, g, b)` string. */
export function withAlpha(rgb: string, alpha: number): string {
  const m = /rgba?\(([^)]+)\)/.exec(rgb);
  if (!m?.[1]) return rgb;
  const [r, g, b] = m[1].split(',').map((s) => s.trim());
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}
