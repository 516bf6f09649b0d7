/** Public API of the shareable report: gather its data through the run pipeline and engine/explain, write the HTML. */
export { buildReport, REPORT_SECTIONS } from './build.ts';
export { collectReport, DEFAULT_TOP_COLUMNS, type CollectOptions } from './collect.ts';
export { reportMessages } from './messages.ts';
export { sha256Hex } from './sha256.ts';
export { BACKPROP_STUDIO_VERSION } from './versions.ts';
export type { ReportDataInfo, ReportInput, ReportReproduce } from './types.ts';
