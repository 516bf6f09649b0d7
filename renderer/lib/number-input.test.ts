import { describe, expect, it } from 'vitest';
import { numberInput, optionalNumberInput } from './number-input.ts';

const input = (value: string): { currentTarget: { value: string } } => ({ currentTarget: { value } });

describe('numberInput', () => {
  it('reads the number, and an empty field as NaN so the check reports it', () => {
    expect(numberInput(input('0.05'))).toBe(0.05);
    expect(numberInput(input(' 12 '))).toBe(12);
    expect(numberInput(input(''))).toBeNaN();
    expect(numberInput(input('   '))).toBeNaN();
  });
});

describe('optionalNumberInput', () => {
  it('reads the number, and an empty field as undefined (the default)', () => {
    expect(optionalNumberInput(input('0.9'))).toBe(0.9);
    expect(optionalNumberInput(input(''))).toBeUndefined();
    expect(optionalNumberInput(input('  '))).toBeUndefined();
  });
});
