/** The app-wide objects, provided once by App and read by any component through typed context. */
import { createContext } from 'svelte';
import type { EngineClient } from '../engine/engine-client.ts';
import type { Platform } from '../platform/index.ts';
import type { ModelExport } from './model-export.svelte.ts';
import type { Notices } from './notices.svelte.ts';
import type { Project } from './project.svelte.ts';
import type { ReportExport } from './report-export.svelte.ts';
import type { Theme } from './theme.svelte.ts';
import type { WhyState } from './why.svelte.ts';

/** Everything a view may need. */
export interface AppContext {
  project: Project;
  engine: EngineClient;
  platform: Platform;
  theme: Theme;
  notices: Notices;
  /** Model and prediction exports, shared by the Export view and the desktop File menu. */
  modelExport: ModelExport;
  /** The run's HTML report, shared by the Export view and File ▸ Export report…. */
  reportExport: ReportExport;
  /** The Evaluate view's explanations (a row picked on the Data view waits here). */
  why: WhyState;
  /** Open a CSV (picked or dropped) as the project's dataset. */
  importCsv(name: string, blob: Blob, target?: string | null): Promise<void>;
  /** Open model file…: pick a model file and add it to the project as a run. */
  openModelPicked(): Promise<void>;
}

const [getApp, setApp] = createContext<AppContext>();

export { getApp, setApp };
