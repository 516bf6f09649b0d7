/**
 * `report/build`: a run's report on its test split of the loaded dataset, through engine/report (the CLI's
 * `report` builds the same page from a model file and a CSV). It runs as an explain job (engine/worker/explain.ts):
 * in their queue, with `explain/progress` events and `explain/cancel`. Engine errors (no test rows) are thrown as
 * they are, so they reach the UI as the usual `error` event with their message.
 */
import type { Backend } from '../backend/index.ts';
import type { ParsedTable, PreparedDataset } from '../data/index.ts';
import { stringifyModelFile, type ModelFile } from '../export/index.ts';
import { BACKPROP_STUDIO_VERSION, buildReport, collectReport } from '../report/index.ts';

/** What the worker knows about the run whose report is asked for. */
export interface RunReport {
  model: ModelFile;
  /** The loaded table, its name, and the run's preparation of it (whose test rows are scored). */
  table: ParsedTable;
  tableName: string;
  prepared: PreparedDataset;
  /** The name the Export view saves the model file under. */
  modelFile: string;
}

/** The report's HTML; `onProgress` as collectReport's (awaited: throwing from it stops the report). */
export async function buildRunReport(
  r: RunReport,
  backend: Backend,
  onProgress: (done: number, total: number) => Promise<void>,
): Promise<string> {
  const test = r.prepared.test.rowIndices;
  const target = r.model.preprocessing?.target.column ?? 'target';
  const input = await collectReport(r.model, r.table, backend, {
    file: r.tableName,
    modelSource: stringifyModelFile(r.model),
    rows: { indices: test, label: 'the test split' },
    onProgress,
    reproduce: {
      commands: [
        {
          label:
            'Make a report like this from the command line, with the model file (Export ▸ Model file) and a CSV' +
            ` of labelled rows it did not train on (with a '${target}' column):`,
          command: `backprop-studio report ${r.modelFile} --data TEST.csv --out report.html`,
        },
      ],
      versions: { 'Backprop Studio': BACKPROP_STUDIO_VERSION, 'Compute backend (report)': backend.name },
    },
  });
  return buildReport(input);
}
