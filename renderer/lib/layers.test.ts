import { describe, expect, it } from 'vitest';
import { templatesFor } from './layers.ts';

describe('templatesFor', () => {
  it('offers a network without hidden layers for either task: linear or logistic regression', () => {
    const regression = templatesFor({ kind: 'regression' }, 10);
    expect(regression.find((t) => t.layers.length === 0)?.name).toBe('Linear baseline');
    const classification = templatesFor({ kind: 'classification', classes: ['a', 'b', 'c'] }, 4);
    expect(classification.find((t) => t.layers.length === 0)?.name).toBe('Logistic baseline');
    expect(classification[0]?.name).toBe('Simple classifier');
  });
});
