/** How a layer's numbers read on its card and in the drawing, including values the engine will refuse. */
import { plural } from './format.ts';

/** A dense layer's units as typed: "16 units", "1 unit", or "Units: -3 (not valid)" / "Units: no number (not valid)". */
export function unitsText(units: number): string {
  if (Number.isInteger(units) && units >= 1) return plural(units, 'unit');
  return `Units: ${Number.isNaN(units) ? 'no number' : String(units)} (not valid)`;
}

/** A dropout rate as typed: "drop 20% while training", or "Rate: 1.5 (not valid)". */
export function dropoutText(rate: number): string {
  if (Number.isFinite(rate) && rate >= 0 && rate < 1) return `drop ${Math.round(rate * 100)}% while training`;
  return `Rate: ${Number.isNaN(rate) ? 'no number' : String(rate)} (not valid)`;
}

/** A dropout rate as a short note between the drawing's columns. */
export function dropoutNote(rate: number): string {
  return Number.isFinite(rate) && rate >= 0 && rate < 1
    ? `dropout ${Math.round(rate * 100)}%`
    : `dropout ${Number.isNaN(rate) ? '?' : String(rate)} (not valid)`;
}

/** Whether a dense layer's units are a count the engine accepts ('auto' or a whole number ≥ 1); its shape means nothing otherwise. */
export function hasValidUnits(layer: { type: string; units?: number | 'auto' }): boolean {
  return (
    layer.type !== 'dense' ||
    layer.units === 'auto' ||
    layer.units === undefined ||
    (Number.isInteger(layer.units) && layer.units >= 1)
  );
}
