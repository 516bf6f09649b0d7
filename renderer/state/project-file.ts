/**
 * The `.bpstudio` project file: data settings, network, training settings and run history, with the
 * dataset embedded as CSV text. JSON, versioned. Autosave stores the same object without the CSV text
 * (the bytes are kept beside it as a Blob).
 */
import type { DatasetSettings, LayerSpec, LoadOptions, TrainingSpec } from '../../engine/protocol/index.ts';
import { LOAD_OPTION_VALUES } from '../../engine/protocol/index.ts';
import type { SourcePage } from '../../extension/inbox.ts';
import { isRecord } from '../lib/is-record.ts';
import type { SweepRecord } from './sweep-record.ts';
import type { RunRecord } from './run-record.ts';

/** Identifies project files. */
export const PROJECT_FORMAT = 'backprop-studio/project';
/** Newest project version this app reads and writes. */
export const PROJECT_VERSION = 1;

/** A whole project file. */
export interface ProjectFile {
  format: typeof PROJECT_FORMAT;
  version: number;
  name: string;
  savedAt: string;
  dataset: {
    name: string;
    /** The CSV text; omitted in autosave records, where the bytes are stored separately. */
    csv?: string;
    settings: DatasetSettings | null;
    /** How to read the CSV (decimal separator, date order, malformed rows); absent in older files: detect. */
    options?: LoadOptions;
    /** The web page the data came from (the browser extension); absent for a file, and in older files. */
    sourcePage?: SourcePage;
  } | null;
  network: LayerSpec[];
  training: TrainingSpec;
  runs: RunRecord[];
  currentRunId: string | null;
  /** The Sweep tab's search space and last results; older files have none. */
  sweep?: SweepRecord | null;
}

/** A project file that cannot be opened; `message` says why and what to do. */
export class ProjectFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProjectFileError';
  }
}

/** A run's `continues`: absent (older files) or null, or the run it continues. */
function isRunLink(v: unknown): boolean {
  return (
    v === undefined ||
    v === null ||
    (isRecord(v) &&
      typeof v.runId === 'string' &&
      typeof v.name === 'string' &&
      Number.isInteger(v.epochs) &&
      (v.epochs as number) >= 0)
  );
}

/** What is wrong with a stored `dataset.options`: each option absent or one of its values. */
function loadOptionProblems(options: unknown): string[] {
  if (!isRecord(options)) return ['"dataset.options" must be an object'];
  const problems: string[] = [];
  for (const [key, value] of Object.entries(options)) {
    const valid = Object.hasOwn(LOAD_OPTION_VALUES, key) ? LOAD_OPTION_VALUES[key as keyof LoadOptions] : null;
    if (!valid)
      problems.push(
        `"dataset.options" has an unknown option "${key}" (known: ${Object.keys(LOAD_OPTION_VALUES).join(', ')})`,
      );
    else if (value !== undefined && !valid.includes(value as string))
      problems.push(
        `"dataset.options.${key}" must be one of ${valid.map((v) => `"${v}"`).join(', ')}, not ${JSON.stringify(value)}`,
      );
  }
  return problems;
}

/** Parse and check a project file's text. */
export function parseProjectFile(text: string, fileName = 'the file'): ProjectFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ProjectFileError(
      `${fileName} is not a Backprop Studio project: it is not valid JSON. Open a .bpstudio file saved by Backprop Studio.`,
    );
  }
  return checkProject(data, fileName);
}

/** Check an already-parsed project object. */
function checkProject(data: unknown, fileName = 'the file'): ProjectFile {
  if (!isRecord(data) || data.format !== PROJECT_FORMAT) {
    throw new ProjectFileError(
      `${fileName} is not a Backprop Studio project (its "format" is not "${PROJECT_FORMAT}"). Open a .bpstudio file saved by Backprop Studio.`,
    );
  }
  if (typeof data.version !== 'number' || data.version > PROJECT_VERSION) {
    throw new ProjectFileError(
      `${fileName} was saved by a newer Backprop Studio (project version ${String(data.version)}; this app reads up to ${PROJECT_VERSION}). Update the app to open it.`,
    );
  }
  const problems: string[] = [];
  if (typeof data.name !== 'string') problems.push('"name" must be text');
  if (
    !Array.isArray(data.network) ||
    !data.network.every((l) => isRecord(l) && typeof l.id === 'string' && typeof l.type === 'string')
  ) {
    problems.push('"network" must be a list of layers with an id and a type');
  }
  if (!isRecord(data.training)) problems.push('"training" must be an object');
  if (
    !Array.isArray(data.runs) ||
    !data.runs.every((r) => isRecord(r) && typeof r.id === 'string' && Array.isArray(r.history))
  ) {
    problems.push('"runs" must be a list of runs with an id and a history');
  } else {
    data.runs.forEach((r: Record<string, unknown>, i) => {
      if (!isRunLink(r.continues))
        problems.push(`"runs[${i}].continues" must be null or the run it continues (its runId, name and epochs)`);
      if (r.interrupted !== undefined && r.interrupted !== 'unreported' && r.interrupted !== 'reported') {
        problems.push(
          `"runs[${i}].interrupted" must be "unreported" or "reported", not ${JSON.stringify(r.interrupted)}`,
        );
      }
    });
  }
  if (data.dataset !== null && !(isRecord(data.dataset) && typeof data.dataset.name === 'string')) {
    problems.push('"dataset" must be null or an object with a name');
  } else if (isRecord(data.dataset)) {
    if (data.dataset.options !== undefined) problems.push(...loadOptionProblems(data.dataset.options));
    const page = data.dataset.sourcePage;
    if (page !== undefined && !(isRecord(page) && typeof page.title === 'string' && typeof page.url === 'string')) {
      problems.push('"dataset.sourcePage" must be the page the data came from: an object with a "title" and a "url"');
    }
  }
  if (problems.length) throw new ProjectFileError(`${fileName} is damaged: ${problems.join('; ')}.`);
  return data as unknown as ProjectFile;
}
