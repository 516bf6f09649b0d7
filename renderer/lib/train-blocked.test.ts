import { describe, expect, it } from 'vitest';
import { trainBlockedReason } from './train-blocked.ts';

const ready = { hasDataset: true, isChecking: false, problemCount: 0, activeRunName: null };

describe('trainBlockedReason', () => {
  it('lets a checked network with data train', () => {
    expect(trainBlockedReason(ready)).toBeNull();
  });
  it('says what to do when training cannot start', () => {
    expect(trainBlockedReason({ ...ready, hasDataset: false })).toBe('Load a dataset first (Data view).');
    expect(trainBlockedReason({ ...ready, isChecking: true })).toBe('Checking the network…');
    expect(trainBlockedReason({ ...ready, problemCount: 1 })).toBe('Fix 1 problem in the network or settings first.');
    expect(trainBlockedReason({ ...ready, problemCount: 3 })).toBe('Fix 3 problems in the network or settings first.');
    expect(trainBlockedReason({ ...ready, activeRunName: 'Run 2' })).toBe(
      'Run 2 is training. Stop it or wait for it to finish.',
    );
  });
});
