/** The engine calls about one run's trained model: load it into the worker, evaluate, export, convert, predict. */
import type { ExportedFile, ModelFormat, Problem } from '../../engine/protocol/index.ts';
import type { EngineClient } from '../engine/engine-client.ts';
import { asWireError } from '../lib/wire-error.ts';
import type { TrainingRun } from './training-run.svelte.ts';

type Engine = Pick<EngineClient, 'request'>;

/** A new CSV predicted with a run's model: the predictions file and what the page says about it. */
export interface Predictions {
  csv: string;
  rows: number;
  warnings: Problem[];
  /** The model's number of classes (0 for regression). */
  classes: number;
}

/** Make sure the worker holds a run's model (after a reload or an engine restart). */
export async function ensureModel(engine: Engine, run: TrainingRun): Promise<boolean> {
  if (run.isInWorker) return true;
  if (!run.model) return false;
  // An opened model the dataset could not read has no settings (its `opened.dataProblem` says why).
  const settings = run.opened?.dataProblem ? null : run.settings;
  const reply = await engine.request({ type: 'model/load', runId: run.id, model: run.model, settings });
  run.weights = reply.weights;
  run.isInWorker = true;
  return true;
}

/** Evaluate a run's model on its test split; a failure is kept on the run (`evaluationError`). */
export async function evaluateRun(engine: Engine, run: TrainingRun): Promise<void> {
  // An opened model that the loaded dataset cannot read says why instead.
  const problem = run.opened?.dataProblem;
  if (problem) {
    run.evaluationError = { name: 'DatasetError', code: 'model/data', path: '', message: problem, problems: [] };
    return;
  }
  try {
    if (!(await ensureModel(engine, run))) return;
    const reply = await engine.request({ type: 'evaluate/run', runId: run.id });
    run.evaluation = reply.evaluation;
    run.evaluationError = null;
  } catch (e) {
    run.evaluationError = asWireError(e);
  }
}

/** The model file text of a run (kept on the run once exported). */
export async function modelJson(engine: Engine, run: TrainingRun): Promise<string> {
  if (run.model) return run.model;
  await ensureModel(engine, run);
  const reply = await engine.request({ type: 'model/export', runId: run.id });
  run.model = reply.json;
  return reply.json;
}

/** A run's model in another format (ONNX, TF.js): the files the worker's exporters write. */
export async function convertModel(engine: Engine, run: TrainingRun, format: ModelFormat): Promise<ExportedFile[]> {
  await ensureModel(engine, run);
  return (await engine.request({ type: 'model/convert', runId: run.id, format })).files;
}

/** Predict a new CSV with a run's model. */
export async function predictCsv(engine: Engine, run: TrainingRun, name: string, blob: Blob): Promise<Predictions> {
  await ensureModel(engine, run);
  const reply = await engine.request({ type: 'predict/run', runId: run.id, name, source: blob });
  const task = run.summary?.task;
  return {
    csv: reply.csv,
    rows: reply.rows,
    warnings: reply.warnings,
    classes: task?.kind === 'classification' ? task.classes.length : 0,
  };
}
