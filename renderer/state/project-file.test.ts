import { describe, expect, it } from 'vitest';
import { parseProjectFile, PROJECT_FORMAT, ProjectFileError } from './project-file.ts';

const minimal = {
  format: PROJECT_FORMAT,
  version: 1,
  name: 'p',
  savedAt: '',
  dataset: null,
  network: [],
  training: {},
  runs: [],
  currentRunId: null,
};

describe('project files', () => {
  it('reads a project it wrote', () => {
    expect(parseProjectFile(JSON.stringify(minimal)).name).toBe('p');
  });

  it('says what is wrong with a file that is not a project, and what to do', () => {
    expect(() => parseProjectFile('not json', 'a.bpstudio')).toThrow(
      'a.bpstudio is not a Backprop Studio project: it is not valid JSON. Open a .bpstudio file saved by Backprop Studio.',
    );
    expect(() => parseProjectFile('{"hello":1}', 'b.json')).toThrow(ProjectFileError);
    expect(() => parseProjectFile(JSON.stringify({ ...minimal, version: 9 }), 'c.bpstudio')).toThrow(
      'c.bpstudio was saved by a newer Backprop Studio (project version 9; this app reads up to 1). Update the app to open it.',
    );
    expect(() => parseProjectFile(JSON.stringify({ ...minimal, network: [{ type: 'dense' }] }), 'd.bpstudio')).toThrow(
      'd.bpstudio is damaged: "network" must be a list of layers with an id and a type.',
    );
  });

  it('keeps how the CSV is read; older files without it still open, bad values are named', () => {
    const dataset = { name: 'a.csv', settings: null };
    const withOptions = {
      ...minimal,
      dataset: { ...dataset, options: { decimal: ',', dateOrder: 'monthFirst', raggedRows: 'skip' } },
    };
    expect(parseProjectFile(JSON.stringify(withOptions)).dataset?.options).toEqual({
      decimal: ',',
      dateOrder: 'monthFirst',
      raggedRows: 'skip',
    });
    expect(parseProjectFile(JSON.stringify({ ...minimal, dataset })).dataset?.options).toBeUndefined();
    expect(() =>
      parseProjectFile(
        JSON.stringify({ ...minimal, dataset: { ...dataset, options: { decimal: ';', dateOrder: 'month-first' } } }),
        'e.bpstudio',
      ),
    ).toThrow(
      'e.bpstudio is damaged: "dataset.options.decimal" must be one of ".", ",", not ";"; "dataset.options.dateOrder" must be one of "dayFirst", "monthFirst", not "month-first".',
    );
    expect(() =>
      parseProjectFile(
        JSON.stringify({ ...minimal, dataset: { ...dataset, options: { delimiter: ';' } } }),
        'f.bpstudio',
      ),
    ).toThrow(
      'f.bpstudio is damaged: "dataset.options" has an unknown option "delimiter" (known: decimal, dateOrder, raggedRows).',
    );
    expect(() =>
      parseProjectFile(JSON.stringify({ ...minimal, dataset: { ...dataset, options: 'comma' } }), 'g.bpstudio'),
    ).toThrow('g.bpstudio is damaged: "dataset.options" must be an object.');
  });

  it('keeps the web page a dataset came from; files without it still open, a malformed one is named', () => {
    const dataset = { name: 'a.csv', settings: null };
    const sourcePage = { title: 'Harbour statistics', url: 'https://stats.example.org/harbours' };
    expect(
      parseProjectFile(JSON.stringify({ ...minimal, dataset: { ...dataset, sourcePage } })).dataset?.sourcePage,
    ).toEqual(sourcePage);
    expect(parseProjectFile(JSON.stringify({ ...minimal, dataset })).dataset?.sourcePage).toBeUndefined();
    for (const bad of [null, 'https://stats.example.org', { title: 'x' }, { title: 1, url: 'https://x' }]) {
      expect(() =>
        parseProjectFile(JSON.stringify({ ...minimal, dataset: { ...dataset, sourcePage: bad } }), 'h.bpstudio'),
      ).toThrow(
        'h.bpstudio is damaged: "dataset.sourcePage" must be the page the data came from: an object with a "title" and a "url".',
      );
    }
  });

  it('keeps which run a run continues; older runs without it still open, a bad link is named', () => {
    const run = {
      id: 'r2',
      name: 'Run 2 (continues Run 1)',
      history: [],
      continues: { runId: 'r1', name: 'Run 1', epochs: 30 },
    };
    expect(parseProjectFile(JSON.stringify({ ...minimal, runs: [run] })).runs[0]?.continues).toEqual({
      runId: 'r1',
      name: 'Run 1',
      epochs: 30,
    });
    expect(
      parseProjectFile(JSON.stringify({ ...minimal, runs: [{ id: 'r1', history: [] }] })).runs[0]?.continues,
    ).toBeUndefined();
    expect(() =>
      parseProjectFile(
        JSON.stringify({
          ...minimal,
          runs: [
            { id: 'r1', history: [] },
            { ...run, continues: 'r1' },
          ],
        }),
        'h.bpstudio',
      ),
    ).toThrow(
      'h.bpstudio is damaged: "runs[1].continues" must be null or the run it continues (its runId, name and epochs).',
    );
  });

  it('names a bad interrupted mark on a run', () => {
    const run = { id: 'r1', history: [], interrupted: 'unreported' };
    expect(parseProjectFile(JSON.stringify({ ...minimal, runs: [run] })).runs[0]?.interrupted).toBe('unreported');
    expect(() =>
      parseProjectFile(JSON.stringify({ ...minimal, runs: [{ ...run, interrupted: true }] }), 'i.bpstudio'),
    ).toThrow('i.bpstudio is damaged: "runs[0].interrupted" must be "unreported" or "reported", not true.');
  });
});
