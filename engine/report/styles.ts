/** The report's one stylesheet: light and dark colours (prefers-color-scheme), chart classes, print rules. */

const SERIES = [0, 1, 2, 3, 4, 5, 6, 7];
/** Series i (class s0…s7) is drawn in colour --c<i>: its lines as strokes (2px in the legend too). */
const SERIES_RULES = SERIES.map((i) => `svg .s${i} { stroke: var(--c${i}); } svg line.s${i} { stroke-width: 2; }`).join(
  '\n',
);
/** Its dots filled with the same colour (placed after the .dot rule, which takes the stroke away). */
const SERIES_DOT_RULES = SERIES.map((i) => `svg .s${i}.dot { fill: var(--c${i}); }`).join('\n');

/** CSS inlined in the report's `<style>`; chart colours have at least 4.5:1 contrast on their background. */
export const REPORT_CSS = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1a1a1a; --muted: #4a4a4a; --line: #c8c8c8; --panel: #f4f5f7;
  --grid: #e3e3e3; --c0: #1f5fbf; --c1: #b4400b; --c2: #177a3c; --c3: #7b2fbf; --c4: #b3261e; --c5: #0b6e80;
  --c6: #8a5a00; --c7: #4b5563; --cm: 31 95 191; --weak: #9aa5b5; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #15171a; --fg: #ececec; --muted: #b8b8b8; --line: #4a4f57; --panel: #1f2227; --grid: #30343a;
    --c0: #82b1ff; --c1: #ff9d5c; --c2: #5fd68a; --c3: #c9a0ff; --c4: #ff8a80; --c5: #4fd3e8; --c6: #f2c14e;
    --c7: #c0c6cf; --cm: 130 177 255; --weak: #5d6673; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 920px; padding: 24px 20px 48px; background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { font-size: 1.7rem; margin: 0 0 4px; }
h2 { font-size: 1.35rem; margin: 36px 0 10px; padding-top: 10px; border-top: 2px solid var(--line); }
h3 { font-size: 1.08rem; margin: 22px 0 8px; }
p.lead { color: var(--muted); margin-top: 0; }
nav ul { display: flex; flex-wrap: wrap; gap: 4px 16px; list-style: none; padding: 0; }
a { color: var(--c0); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 3px 16px; margin: 10px 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; margin: 12px 0; font-size: 0.9rem; max-width: 100%; display: block;
  overflow-x: auto; }
caption { text-align: left; font-weight: 600; padding-bottom: 4px; }
th, td { border-bottom: 1px solid var(--line); padding: 3px 10px; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--line); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.cm { display: block; margin: -3px -10px; padding: 3px 10px; background: rgb(var(--cm) / calc(var(--a) * 0.4)); }
.cm.hit { font-weight: 700; }
figure.chart { margin: 16px 0; }
figure.chart > svg { width: 100%; max-width: 640px; height: auto; display: block; }
figcaption { color: var(--muted); font-size: 0.88rem; }
svg text { fill: var(--fg); font-size: 12px; font-family: inherit; }
svg text.label { fill: var(--muted); font-size: 12.5px; }
svg text.box-title { font-weight: 600; }
svg .grid { stroke: var(--grid); stroke-width: 1; }
svg .frame { fill: none; stroke: var(--line); }
svg .axis { stroke: var(--fg); stroke-width: 1; }
svg .ref { stroke: var(--muted); stroke-width: 1.2; stroke-dasharray: 4 4; }
svg path { fill: none; stroke-width: 2; }
${SERIES_RULES}
svg .dot { stroke: none; opacity: 0.75; }
svg .dot path { fill: inherit; stroke: none; }
${SERIES_DOT_RULES}
svg .bar { fill: var(--c0); } svg .bar.weak { fill: var(--weak); }
svg .err { stroke: var(--fg); stroke-width: 1.3; }
svg .box { fill: var(--panel); stroke: var(--c0); stroke-width: 1.5; }
svg .box.input { stroke: var(--c2); }
svg .box.other { stroke: var(--c7); stroke-dasharray: 4 3; }
svg .link { stroke: var(--muted); stroke-width: 1.5; } svg .arrowhead { fill: var(--muted); }
ul.legend { display: flex; flex-wrap: wrap; gap: 2px 16px; list-style: none; padding: 0; margin: 4px 0;
  font-size: 0.88rem; }
ul.legend svg { vertical-align: middle; margin-right: 6px; }
details { margin: 6px 0 14px; } summary { cursor: pointer; color: var(--c0); }
pre { background: var(--panel); padding: 10px 12px; border-radius: 6px; overflow-x: auto; font-size: 0.85rem; }
ul.warnings li { margin: 3px 0; }
p.warning { border-left: 4px solid var(--c4); background: var(--panel); padding: 8px 12px; }
footer { margin-top: 40px; color: var(--muted); font-size: 0.85rem; }
@media print {
  :root { --bg: #ffffff; --fg: #000000; --muted: #333333; --line: #999999; --panel: #f2f2f2; --grid: #dddddd;
    --c0: #1f5fbf; --c1: #b4400b; --c2: #177a3c; --c3: #7b2fbf; --c4: #b3261e; --c5: #0b6e80; --c6: #8a5a00;
    --c7: #4b5563; --cm: 31 95 191; --weak: #9aa5b5; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav, summary { display: none; }
  h2 { break-before: page; border-top: none; } section:first-of-type h2 { break-before: auto; }
  figure, table, dl, pre { break-inside: avoid; }
  table { display: table; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
