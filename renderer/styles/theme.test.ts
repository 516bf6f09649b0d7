/**
 * The theme's text colours against its surfaces, in the light and the dark theme: WCAG 2 contrast of at
 * least 4.5:1, the level for small text (the app's muted labels are 10–12 px). Read from theme.css itself.
 */
import { describe, expect, it } from 'vitest';
import css from './theme.css?raw';

/** Every `--name: light-dark(#light, #dark)` token. */
const tokens = new Map(
  Array.from(css.matchAll(/--([\w-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/gi), (m: RegExpExecArray) => [
    m[1]!,
    { light: m[2]!, dark: m[3]! },
  ]),
);

/** WCAG 2 relative luminance of an sRGB colour `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG 2 contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const SURFACES = ['bg', 'surface', 'surface-2', 'surface-3'];
/** Text tokens and the backgrounds each is drawn on. */
const PAIRS: [string, string[]][] = [
  ['text', SURFACES],
  ['text-2', SURFACES],
  ['text-3', SURFACES],
  ['accent', [...SURFACES, 'accent-soft']],
  ['ok', [...SURFACES, 'ok-soft']],
  ['warn', [...SURFACES, 'warn-soft']],
  ['danger', [...SURFACES, 'danger-soft']],
  ['info', SURFACES],
];

describe('theme colour contrast', () => {
  it('reads the tokens from theme.css', () => {
    expect(tokens.get('text-3')).toBeDefined();
    // The calculation itself: black on white is 21:1, a colour on itself 1:1.
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrast('#7d8495', '#7d8495')).toBe(1);
    // The earlier muted grey on white was 3.75:1.
    expect(contrast('#7d8495', '#ffffff')).toBeCloseTo(3.75, 2);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`every text colour has 4.5:1 on every surface it sits on (${theme})`, () => {
      const low: string[] = [];
      for (const [text, backgrounds] of PAIRS) {
        for (const bg of backgrounds) {
          const t = tokens.get(text);
          const b = tokens.get(bg);
          if (!t || !b) throw new Error(`theme.css has no light-dark token --${!t ? text : bg}`);
          const ratio = contrast(t[theme], b[theme]);
          if (ratio < 4.5) low.push(`--${text} on --${bg}: ${ratio.toFixed(2)}:1`);
        }
      }
      expect(low).toEqual([]);
    });
  }
});
