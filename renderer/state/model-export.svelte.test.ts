import { describe, expect, test } from 'vitest';
import type { DatasetSettings, ModelFormat, NetworkSpec } from '../../engine/protocol/index.ts';
import { EngineRequestError } from '../engine/engine-client.ts';
import type { NoticeKind } from './notices.svelte.ts';
import {
  fileBaseName,
  type ExportProject,
  modelFileName,
  ModelExport,
  predictionsFileName,
} from './model-export.svelte.ts';
import { TrainingRun } from './training-run.svelte.ts';

function run(
  id: string,
  name: string,
  options: { model?: string | null; status?: TrainingRun['status'] } = {},
): TrainingRun {
  // The run's spec and settings are never read while exporting.
  const r = new TrainingRun({ id, name, spec: {} as NetworkSpec, settings: {} as DatasetSettings });
  r.model = options.model === undefined ? `{"run":"${id}"}` : options.model;
  r.status = options.status ?? 'done';
  return r;
}

/** A project, platform and notices that record what exporting did; dialogs answer from `answers`. */
function setup(runs: TrainingRun[], currentRun: TrainingRun | null = runs.at(-1) ?? null) {
  const saved: { what: 'model' | 'predictions'; text: string; fileName: string }[] = [];
  const savedFiles: { name: string; bytes: Uint8Array }[][] = [];
  const notices: { kind: NoticeKind; message: string }[] = [];
  const answers: (boolean | Error)[] = [];
  const answer = async (): Promise<boolean> => {
    const next = answers.shift() ?? true;
    if (next instanceof Error) throw next;
    return next;
  };
  // Reactive like the real Project, so the exporter follows a change of the selected run.
  const project: { -readonly [K in keyof ExportProject]: ExportProject[K] } = $state({
    name: 'Iris study',
    view: 'train',
    runs,
    currentRun,
    modelJson: async (r: TrainingRun) => r.model ?? '{}',
    convertModel: async (_r: TrainingRun, format: ModelFormat) => {
      if (format === 'pytorch') return [{ name: 'model-pytorch.zip', text: null, bytes: new Uint8Array([80, 75]) }];
      if (format === 'tfjs')
        return [
          { name: 'model.json', text: '{"format":"layers-model"}', bytes: null },
          { name: 'weights.bin', text: null, bytes: new Uint8Array([1, 2]) },
        ];
      if (format === 'onnx-matrix')
        throw new EngineRequestError({
          name: 'ExportError',
          code: 'export/x',
          path: '',
          message: 'The layer cannot be exported.',
          problems: [],
        });
      return [{ name: 'model.onnx', text: null, bytes: new Uint8Array([8, 7]) }];
    },
    predict: async (_r: TrainingRun, name: string) => {
      if (name === 'broken.csv') throw new Error('Row 3 has 2 values, expected 5.');
      return { csv: 'a,prediction\n1,setosa\n2,virginica\n', rows: 2, warnings: [], classes: 0 };
    },
  });
  const platform = {
    exportModel: async (text: string, fileName: string) => {
      saved.push({ what: 'model', text, fileName });
      return answer();
    },
    exportPredictions: async (text: string, fileName: string) => {
      saved.push({ what: 'predictions', text, fileName });
      return answer();
    },
    exportModelFiles: async (files: { name: string; bytes: Uint8Array }[]) => {
      savedFiles.push(files);
      return answer();
    },
  };
  const exporter = new ModelExport(project, platform, { show: (kind, message) => notices.push({ kind, message }) });
  return { project, exporter, saved, savedFiles, notices, answers };
}

describe('file names', () => {
  test('model and predictions files are named after the project, run and predicted file', () => {
    expect(modelFileName('Iris study', 'Run 2')).toBe('Iris-study-run-2.model.json');
    expect(modelFileName('***', 'Run 1')).toBe('model-run-1.model.json');
    expect(fileBaseName(' Wine: red/white ')).toBe('Wine-redwhite');
    expect(predictionsFileName('new-flowers.csv')).toBe('new-flowers-predictions.csv');
  });
});

describe('the run to export', () => {
  test('is the selected run when it has a model, else the last trained run', () => {
    const first = run('r1', 'Run 1');
    const failed = run('r2', 'Run 2', { model: null, status: 'failed' });
    expect(setup([first, failed], failed).exporter.run).toBe(first);
    expect(setup([first, failed], first).exporter.run).toBe(first);
    expect(setup([failed], failed).exporter.run).toBeNull();
  });
});

describe('File ▸ Export model…', () => {
  test('saves the model straight away, without leaving the current view', async () => {
    const { project, exporter, saved, notices } = setup([run('r1', 'Run 1')]);
    await exporter.runCommand('export-model');
    expect(saved).toEqual([{ what: 'model', text: '{"run":"r1"}', fileName: 'Iris-study-run-1.model.json' }]);
    expect(notices).toEqual([{ kind: 'ok', message: 'Model of Run 1 exported.' }]);
    expect(project.view).toBe('train');
  });

  test('a cancelled dialog saves nothing and says nothing', async () => {
    const { project, exporter, notices, answers } = setup([run('r1', 'Run 1')]);
    answers.push(false);
    await exporter.runCommand('export-model');
    expect(notices).toEqual([]);
    expect(project.view).toBe('train');
  });

  test('without a trained model it opens the Export view and says to train first', async () => {
    const { project, exporter, saved, notices } = setup([]);
    await exporter.runCommand('export-model');
    expect(saved).toEqual([]);
    expect(project.view).toBe('export');
    expect(notices).toEqual([{ kind: 'info', message: 'Train a model first, then export it.' }]);
  });

  test('while the first run is still training it says to wait for it', async () => {
    const { exporter, notices } = setup([run('r1', 'Run 1', { model: null, status: 'running' })]);
    await exporter.runCommand('export-model');
    expect(notices).toEqual([
      { kind: 'info', message: 'The model is still training. When the run finishes, export it.' },
    ]);
  });

  test('a failed save opens the Export view, which shows the error', async () => {
    const { project, exporter, answers } = setup([run('r1', 'Run 1')]);
    answers.push(
      new EngineRequestError({ name: 'Error', code: 'internal', path: '', message: 'The disk is full.', problems: [] }),
    );
    await exporter.runCommand('export-model');
    expect(exporter.exportError?.message).toBe('The disk is full.');
    expect(project.view).toBe('export');
  });
});

describe('exports for other runtimes (ONNX, TF.js)', () => {
  test('ONNX is saved under the project and run name; TF.js as model.json and weights.bin, its text as UTF-8 bytes', async () => {
    const { exporter, savedFiles, notices } = setup([run('r1', 'Run 1')]);
    expect(await exporter.exportFormat('onnx-columns')).toBe(true);
    await exporter.runCommand('export-tfjs');
    expect(savedFiles).toEqual([
      [{ name: 'Iris-study-run-1.onnx', bytes: new Uint8Array([8, 7]) }],
      [
        { name: 'model.json', bytes: new TextEncoder().encode('{"format":"layers-model"}') },
        { name: 'weights.bin', bytes: new Uint8Array([1, 2]) },
      ],
    ]);
    expect(notices).toEqual([
      { kind: 'ok', message: 'ONNX (raw columns) of Run 1 exported as Iris-study-run-1.onnx.' },
      { kind: 'ok', message: 'TF.js of Run 1 exported as model.json and weights.bin.' },
    ]);
  });

  test('File ▸ Export PyTorch package… saves one zip under the project and run name', async () => {
    const { exporter, savedFiles, notices } = setup([run('r1', 'Run 1')]);
    await exporter.runCommand('export-pytorch');
    expect(savedFiles).toEqual([[{ name: 'Iris-study-run-1-pytorch.zip', bytes: new Uint8Array([80, 75]) }]]);
    expect(notices).toEqual([
      { kind: 'ok', message: 'PyTorch package of Run 1 exported as Iris-study-run-1-pytorch.zip.' },
    ]);
  });

  test('an engine error is kept with its format, and File ▸ Export opens the Export view to show it', async () => {
    const { project, exporter, savedFiles } = setup([run('r1', 'Run 1')]);
    await exporter.runCommand('export-onnx-matrix');
    expect(savedFiles).toEqual([]);
    expect(exporter.formatError?.format).toBe('onnx-matrix');
    expect(exporter.formatError?.error.message).toBe('The layer cannot be exported.');
    expect(project.view).toBe('export');
  });

  test('without a trained model File ▸ Export ONNX says to train first', async () => {
    const { project, exporter, notices } = setup([]);
    await exporter.runCommand('export-onnx-columns');
    expect(project.view).toBe('export');
    expect(notices).toEqual([{ kind: 'info', message: 'Train a model first, then export it.' }]);
  });
});

describe('File ▸ Export predictions…', () => {
  test('without a trained model it opens the Export view and says to train first', async () => {
    const { project, exporter, notices } = setup([]);
    await exporter.runCommand('export-predictions');
    expect(project.view).toBe('export');
    expect(notices).toEqual([
      { kind: 'info', message: 'Train a model first, then choose a CSV to predict with it here.' },
    ]);
  });

  test('with a model but nothing predicted yet it opens the Export view and says to choose a CSV', async () => {
    const { project, exporter, saved, notices } = setup([run('r1', 'Run 1')]);
    await exporter.runCommand('export-predictions');
    expect(saved).toEqual([]);
    expect(project.view).toBe('export');
    expect(notices).toEqual([
      {
        kind: 'info',
        message: 'Choose a CSV to predict with Run 1 first. Its predictions are saved as a CSV when they are ready.',
      },
    ]);
  });

  test('saves the latest predictions again, straight away', async () => {
    const { project, exporter, saved, notices, answers } = setup([run('r1', 'Run 1')]);
    answers.push(false);
    await exporter.predict('flowers.csv', new Blob(['a\n1\n2\n']));
    expect(exporter.predictions).toMatchObject({
      name: 'flowers.csv',
      rows: 2,
      isSaved: false,
      preview: { header: ['prediction'], rows: [['setosa'], ['virginica']] },
    });
    await exporter.runCommand('export-predictions');
    const csv = 'a,prediction\n1,setosa\n2,virginica\n';
    expect(saved).toEqual([
      { what: 'predictions', text: csv, fileName: 'flowers-predictions.csv' },
      { what: 'predictions', text: csv, fileName: 'flowers-predictions.csv' },
    ]);
    expect(exporter.predictions?.isSaved).toBe(true);
    expect(notices).toEqual([{ kind: 'ok', message: 'Predictions of flowers.csv exported.' }]);
    expect(project.view).toBe('train');
  });

  test('predictions of another run are not offered', async () => {
    const first = run('r1', 'Run 1');
    const second = run('r2', 'Run 2');
    const { project, exporter, saved, notices } = setup([first, second], first);
    await exporter.predict('flowers.csv', new Blob(['a\n1\n']));
    expect(exporter.predictions).not.toBeNull();
    project.currentRun = second;
    expect(exporter.run).toBe(second);
    expect(exporter.predictions).toBeNull();
    await exporter.runCommand('export-predictions');
    expect(saved).toHaveLength(1);
    expect(notices.at(-1)?.message).toBe(
      'Choose a CSV to predict with Run 2 first. Its predictions are saved as a CSV when they are ready.',
    );
    project.currentRun = first;
    expect(exporter.predictions?.name).toBe('flowers.csv');
  });

  test('rows that cannot be predicted keep the error for the Export view and save nothing', async () => {
    const { exporter, saved } = setup([run('r1', 'Run 1')]);
    await exporter.predict('broken.csv', new Blob(['a\n']));
    expect(exporter.predictError?.message).toBe('Row 3 has 2 values, expected 5.');
    expect(exporter.predictions).toBeNull();
    expect(saved).toEqual([]);
  });

  test('a failed save keeps the predictions and opens the Export view with the error', async () => {
    const { project, exporter, answers } = setup([run('r1', 'Run 1')]);
    await exporter.predict('flowers.csv', new Blob(['a\n1\n']));
    answers.push(
      new Error('Could not save "/ro/flowers-predictions.csv": the folder is read-only. Choose another folder.'),
    );
    await exporter.runCommand('export-predictions');
    expect(exporter.saveError?.message).toMatch(/read-only/);
    expect(exporter.predictions).not.toBeNull();
    expect(project.view).toBe('export');
  });
});
