import { describe, expect, it } from 'vitest';
import { Notices } from './notices.svelte.ts';

describe('Notices', () => {
  it("replaces one control's earlier notice instead of stacking them (Open trials CSV: bad, bad, good)", () => {
    const n = new Notices();
    n.show('danger', 'a.csv could not be opened as trials: NaN', 'open');
    n.show('danger', 'b.bin could not be opened as trials: binary', 'open');
    expect(n.items.map((i) => i.message)).toEqual(['b.bin could not be opened as trials: binary']);
    n.show('ok', 'Opened 3 trials from c.csv.', 'open');
    expect(n.items.map((i) => [i.kind, i.message])).toEqual([['ok', 'Opened 3 trials from c.csv.']]);
  });

  it('keeps notices of other controls and notices without a key', () => {
    const n = new Notices();
    n.show('danger', 'save failed');
    n.show('danger', 'x.csv could not be opened', 'open');
    n.show('danger', 'apply failed');
    n.show('danger', 'y.csv could not be opened', 'open');
    expect(n.items.map((i) => i.message)).toEqual(['save failed', 'apply failed', 'y.csv could not be opened']);
  });
});
