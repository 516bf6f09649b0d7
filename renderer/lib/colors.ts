/** Resolved colours of design tokens, for canvases (uPlot) that cannot read CSS variables. */

let probe: HTMLSpanElement | null = null;
const cache = new Map<string, string>();

/**
 * The computed rgb() of a CSS custom property such as `--series-train`, under the current theme.
 * Cached per theme (`themeKey`): reading computed styles forces a style recalculation.
 */
export function resolveColor(token: string, themeKey = document.documentElement.dataset['theme'] ?? 'system'): string {
  const key = `${themeKey}|${matchMedia('(prefers-color-scheme: dark)').matches}|${token}`;
  const hit = cache.get(key);
  if (hit) return hit;
  if (!probe) {
    probe = document.createElement('span');
    probe.style.display = 'none';
    document.body.append(probe);
  }
  probe.style.color = `var(${token})`;
  const color = getComputedStyle(probe).color;
  cache.set(key, color);
  return color;
}

/** The colour with an alpha (for fills), from an `rgb(r, g, b)` string. */
export function withAlpha(rgb: string, alpha: number): string {
  const m = /rgba?\(([^)]+)\)/.exec(rgb);
  if (!m?.[1]) return rgb;
  const [r, g, b] = m[1].split(',').map((s) => s.trim());
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}
