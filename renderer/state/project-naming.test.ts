import { describe, expect, it } from 'vitest';
import { baseName, discardedWork, followsDataset, keptRunsNote, UNTITLED } from './project-naming.ts';

describe('project naming', () => {
  it('a name the user never chose follows the dataset; a chosen one stays', () => {
    expect(baseName('penguins_raw.csv')).toBe('penguins_raw');
    expect(followsDataset(UNTITLED, null)).toBe(true);
    expect(followsDataset('iris', 'iris.csv')).toBe(true);
    expect(followsDataset('Flower study', 'iris.csv')).toBe(false);
    expect(followsDataset('iris', null)).toBe(false);
  });

  it('says how many runs on other data are kept, leaving out runs whose dataset is unknown', () => {
    expect(keptRunsNote([], 'iris.csv')).toBe('');
    expect(keptRunsNote(['iris.csv', null], 'iris.csv')).toBe('');
    expect(keptRunsNote(['iris.csv'], 'penguins.csv')).toBe(
      ' The run trained on other data is kept, labelled with its dataset.',
    );
    expect(keptRunsNote(['iris.csv', 'cars.csv', 'penguins.csv'], 'penguins.csv')).toBe(
      ' The 2 runs trained on other data are kept, labelled with their dataset.',
    );
  });

  it('names what New project would discard', () => {
    expect(discardedWork('iris.csv', 0)).toBe(
      'Discarding loses the dataset iris.csv, the network and training settings. Save keeps them in a .bpstudio file you can open again.',
    );
    expect(discardedWork(null, 3)).toBe(
      'Discarding loses 3 training runs, the network and training settings. Save keeps them in a .bpstudio file you can open again.',
    );
    expect(discardedWork('a.csv', 1)).toBe(
      'Discarding loses the dataset a.csv, 1 training run, the network and training settings. Save keeps them in a .bpstudio file you can open again.',
    );
  });
});
