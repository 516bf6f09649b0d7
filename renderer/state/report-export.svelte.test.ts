import { describe, expect, test, vi } from 'vitest';
import type { DatasetSettings, NetworkSpec, WireError } from '../../engine/protocol/index.ts';
import { EngineRequestError } from '../engine/engine-client.ts';
import type { NoticeKind } from './notices.svelte.ts';
import { ReportExport, reportFileName, type ReportProject } from './report-export.svelte.ts';
import { TrainingRun } from './training-run.svelte.ts';

function run(id: string, name: string): TrainingRun {
  // The run's spec and settings are never read while reporting.
  return new TrainingRun({ id, name, spec: {} as NetworkSpec, settings: {} as DatasetSettings });
}

/**
 * A project whose worker answers report/build (or fails, or waits for `explain/cancel`), a platform that records
 * saves, and the notices.
 */
function setup(answer: { html: string } | Error | 'until-cancelled', saved = true) {
  const requests: unknown[] = [];
  let cancel = (): void => undefined;
  const saves: { html: string; fileName: string }[] = [];
  const notices: { kind: NoticeKind; message: string }[] = [];
  const project = $state({
    name: 'Iris study',
    view: 'train' as ReportProject['view'],
    ensureModel: async () => true,
    engine: {
      start: (req: unknown, onProgress: (p: { done: number; total: number }) => void) => {
        requests.push(req);
        queueMicrotask(() => onProgress({ done: 1, total: 4 }));
        const reply = new Promise((resolve, reject) => {
          if (answer instanceof Error) reject(answer);
          else if (answer === 'until-cancelled') cancel = () => reject(new EngineRequestError(CANCELLED));
          else resolve({ type: 'report/built', id: 1, runId: 'r1', html: answer.html });
        });
        return { id: 1, reply };
      },
      request: async (req: unknown) => {
        requests.push(req);
        cancel();
        return { type: 'explain/cancelled', id: 2, target: 1, cancelled: true };
      },
    },
  });
  const platform = { exportReport: async (html: string, fileName: string) => (saves.push({ html, fileName }), saved) };
  const report = new ReportExport(project as unknown as ReportProject, platform, {
    show: (kind, message) => notices.push({ kind, message }),
  });
  return { project, report, requests, saves, notices };
}

const CANCELLED: WireError = {
  name: 'ExplainError',
  code: 'explain/cancelled',
  path: '',
  message: 'Cancelled.',
  problems: [],
};

describe('ReportExport', () => {
  test('reports are named after the project and run', () => {
    expect(reportFileName('Iris study', 'Run 2')).toBe('Iris-study-run-2.report.html');
  });

  test("asks the worker for the run's report, naming the model file, and saves it", async () => {
    const { report, requests, saves, notices } = setup({ html: '<!DOCTYPE html>' });
    await expect(report.save(run('r1', 'Run 1'))).resolves.toBe(true);
    expect(requests).toEqual([{ type: 'report/build', runId: 'r1', modelFile: 'Iris-study-run-1.model.json' }]);
    expect(saves).toEqual([{ html: '<!DOCTYPE html>', fileName: 'Iris-study-run-1.report.html' }]);
    expect(notices).toEqual([{ kind: 'ok', message: 'Report of Run 1 exported as Iris-study-run-1.report.html.' }]);
    expect([report.isBuilding, report.error]).toEqual([false, null]);
  });

  test('while building it shows progress; Cancel stops it with nothing saved and no error', async () => {
    const { report, requests, saves, notices } = setup('until-cancelled');
    const saving = report.save(run('r1', 'Run 1'));
    await vi.waitFor(() => expect(report.job.progress).toEqual({ done: 1, total: 4 }));
    expect(report.isBuilding).toBe(true);
    report.job.cancel();
    await expect(saving).resolves.toBe(false);
    expect(requests.at(-1)).toEqual({ type: 'explain/cancel', target: 1 });
    expect([report.isBuilding, report.job.status, report.error, saves, notices]).toEqual([
      false,
      'cancelled',
      null,
      [],
      [],
    ]);
  });

  test('a cancelled dialog saves nothing and says nothing', async () => {
    const { report, notices } = setup({ html: '<!DOCTYPE html>' }, false);
    await expect(report.save(run('r1', 'Run 1'))).resolves.toBe(false);
    expect([notices, report.error]).toEqual([[], null]);
  });

  test("the worker's refusal is kept for the Export view, and the menu command opens it", async () => {
    const wire: WireError = {
      name: 'DatasetError',
      code: 'data/no-test-rows',
      path: 'split',
      message: 'The test split has no rows.',
      problems: [],
    };
    const { project, report } = setup(new EngineRequestError(wire));
    await report.runCommand(run('r1', 'Run 1'));
    expect(report.error?.message).toBe('The test split has no rows.');
    expect(project.view).toBe('export');
  });

  test('the menu command without a trained run opens the Export view and says to train first', async () => {
    const { project, report, requests, notices } = setup({ html: '' });
    await report.runCommand(null);
    expect([project.view, requests]).toEqual(['export', []]);
    expect(notices).toEqual([{ kind: 'info', message: 'Train a model first, then export its report.' }]);
  });
});
