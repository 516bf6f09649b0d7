/** What a report is built from: plain data the hosts gather through the run pipeline and engine/explain. */
import type { DatasetProfile } from '../data/index.ts';
import type { Problem } from '../errors.ts';
import type { ModelFile } from '../export/index.ts';
import type { ImportanceResult, PartialDependence } from '../explain/index.ts';
import type { Evaluation } from '../protocol/index.ts';

/** The data the report evaluates on. */
export interface ReportDataInfo {
  /** The file's name as the user knows it (a path in the CLI, the loaded file's name in the app). */
  file: string;
  /** Rows and columns of the file. */
  rows: number;
  columns: number;
  /** Which rows were scored, in words ("all rows", "the test split: 30 of 150 rows"). */
  scored: string;
  profile: DatasetProfile;
  /** What reading the file and preprocessing it noticed (unknown target values, …). */
  warnings: Problem[];
  /** When the rows look like the model's training file: why the scores are inflated and what to use. */
  trainingRows?: string | null;
}

/** How to make the same model and report again. */
export interface ReportReproduce {
  /** Command lines, each with what it does. */
  commands: { label: string; command: string }[];
  /** Tool and runtime versions, as name → version. */
  versions: Record<string, string>;
  /** SHA-256 of the model file's text, in hex. */
  modelChecksum: string;
}

/** Everything a report shows. */
export interface ReportInput {
  title: string;
  /** When the report was made (ISO 8601). */
  createdAt: string;
  model: ModelFile;
  data: ReportDataInfo;
  evaluation: Evaluation;
  /** Permutation importance on the scored rows. */
  importance: ImportanceResult;
  /** Partial dependence of the top columns, most important first. */
  dependence: PartialDependence[];
  /** Why a top column has no partial-dependence chart (no value in the rows), one message each. */
  dependenceNotes: string[];
  /** When importance and partial dependence used a sample of the scored rows, which (in words); else null. */
  explainedSample: string | null;
  reproduce: ReportReproduce;
}
