import { describe, expect, it } from 'vitest';
import { draftFor, draftJson, withDistribution, type ParamDraft } from './sweep-drafts.ts';

describe('parameter rows', () => {
  const row = (patch: Partial<ParamDraft>): ParamDraft => ({
    ...draftFor({ path: 'x', start: { distribution: 'uniform', min: 0, max: 1 } }, 1),
    ...patch,
  });

  it('writes search-space entries, keeping what is not a number as typed for the engine to report', () => {
    expect(draftJson(row({ min: '0.1', max: ' 0.5 ' }))).toEqual({ distribution: 'uniform', min: 0.1, max: 0.5 });
    expect(draftJson(row({ min: 'abc', max: '' }))).toEqual({ distribution: 'uniform', min: 'abc', max: undefined });
    expect(draftJson(row({ distribution: 'int', min: '4', max: '64', log: true }))).toEqual({
      distribution: 'int',
      min: 4,
      max: 64,
      log: true,
    });
    expect(draftJson(row({ distribution: 'choice', values: '16, 32,, relu, true' }))).toEqual({
      distribution: 'choice',
      values: [16, 32, 'relu', true],
    });
  });

  it('turns a range into choices and back when the distribution changes', () => {
    const choice = withDistribution(row({ min: '16', max: '64' }), 'choice');
    expect(choice.values).toBe('16, 64');
    const back = withDistribution({ ...choice, values: '8, 128, 32' }, 'int');
    expect([back.min, back.max]).toEqual(['8', '128']);
  });
});
