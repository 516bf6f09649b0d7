import { describe, expect, it } from 'vitest';
import { errorMessage } from './error-message.ts';
import { isRecord } from './is-record.ts';

describe('errorMessage', () => {
  it("is an Error's message, without its name or stack", () => {
    expect(errorMessage(new TypeError('The file is locked.'))).toBe('The file is locked.');
  });
  it('is any other thrown value as text', () => {
    expect(errorMessage('quota exceeded')).toBe('quota exceeded');
    expect(errorMessage(42)).toBe('42');
  });
});

describe('isRecord', () => {
  it('accepts plain objects only', () => {
    expect(isRecord({ a: 1 })).toBe(true);
    expect(isRecord(null)).toBe(false);
    expect(isRecord([1])).toBe(false);
    expect(isRecord('x')).toBe(false);
  });
});
