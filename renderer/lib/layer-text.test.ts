import { describe, expect, it } from 'vitest';
import { dropoutNote, dropoutText, unitsText } from './layer-text.ts';

describe('layer text', () => {
  it('counts units in the singular and plural', () => {
    expect(unitsText(1)).toBe('1 unit');
    expect(unitsText(16)).toBe('16 units');
  });
  it('shows invalid units as typed, never as a unit count', () => {
    expect(unitsText(-3)).toBe('Units: -3 (not valid)');
    expect(unitsText(2.5)).toBe('Units: 2.5 (not valid)');
    expect(unitsText(Number.NaN)).toBe('Units: no number (not valid)');
  });
  it('shows a dropout rate outside [0, 1) as invalid, not as a percentage', () => {
    expect(dropoutText(0.2)).toBe('drop 20% while training');
    expect(dropoutText(1.5)).toBe('Rate: 1.5 (not valid)');
    expect(dropoutNote(1.5)).toBe('dropout 1.5 (not valid)');
    expect(dropoutNote(0.1)).toBe('dropout 10%');
  });
});
