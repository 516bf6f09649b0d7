/** The report family: a run's shareable HTML report (engine/report), built in the worker for Export ▸ Report. */
import { reply, request } from './fields.ts';

/** The report requests. */
export const REPORT_REQUESTS = {
  /**
   * The report of a run's model on its test split of the loaded dataset; `modelFile` is the name the Export
   * view gives the model file, for the command line in the report's Reproduce section. It runs as an explain job:
   * `explain/progress` events while it computes, and `explain/cancel` stops it (error `explain/cancelled`).
   */
  'report/build': request<{ runId: string; modelFile: string }>()('report/built', {
    runId: 'string',
    modelFile: 'string',
  }),
};

/** The report events. */
export const REPORT_EVENTS = {
  /** The report as one self-contained HTML page. */
  'report/built': reply<{ runId: string; html: string }>()({ runId: 'string', html: 'string' }),
};
