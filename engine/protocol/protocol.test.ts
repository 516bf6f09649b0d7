import { describe, expect, it } from 'vitest';
import { parseEvent, parseRequest, REPLY_TYPE, toWireError, transferablesOf } from './index.ts';
import { SpecError } from '../errors.ts';

/** The exact message a malformed message throws. */
const malformed = (detail: string): string => `Internal error (please report): malformed engine message: ${detail}`;

const source = new ArrayBuffer(4);
const spec = { layers: [] };
const settings = { target: 'y' };
const wire = { name: 'SpecError', code: 'spec/x', path: 'layers[0]', message: 'Bad.', problems: [] };
const summary = {
  task: { kind: 'regression' },
  featureNames: ['x'],
  rows: { train: 1, validation: 0, test: 0 },
  droppedRows: 0,
  warnings: [],
};
const tensor = { layer: 'd1', name: 'kernel', shape: [1, 1], data: new Float32Array(1) };

/** Per family: a well-formed request and event, and a malformed one of each with the exact message. */
const FAMILIES: Record<string, { good: [unknown, unknown]; bad: [unknown, string][]; badEvents: [unknown, string][] }> =
  {
    session: {
      good: [null, { type: 'ready', version: 3, backends: ['auto', 'cpu'] }],
      bad: [],
      badEvents: [[{ type: 'error', id: '3', runId: null, error: wire }, "event 'error' field 'id' is not number?"]],
    },
    data: {
      good: [
        { type: 'data/prepare', id: 1, settings, seed: 7 },
        { type: 'data/prepared', id: 1, summary },
      ],
      bad: [
        [
          { type: 'data/rows', id: 1, start: 0, count: 5, indices: [1, 2] },
          "request 'data/rows' field 'indices' is not i32?",
        ],
      ],
      badEvents: [
        [{ type: 'data/progress', id: 1, bytes: 10, rows: 2 }, "event 'data/progress' field 'fraction' is not number?"],
      ],
    },
    network: {
      good: [
        { type: 'network/check', id: 1, spec, settings: null },
        { type: 'network/checked', id: 1, problems: [], layers: [], totalParams: 0, task: { kind: 'regression' } },
      ],
      bad: [
        [
          { type: 'network/check', id: 1, spec: 'dense', settings: null },
          "request 'network/check' field 'spec' is not object",
        ],
        // A network check is `network/check`; `model` is a trained model file.
        [{ type: 'model/check', id: 1, spec, settings: null }, "unknown request type 'model/check'"],
      ],
      badEvents: [
        [
          { type: 'network/checked', id: 1, problems: [], layers: [], totalParams: '0', task: null },
          "event 'network/checked' field 'totalParams' is not number",
        ],
      ],
    },
    model: {
      good: [
        { type: 'model/export', id: 1, runId: 'r' },
        { type: 'model/exported', id: 1, runId: 'r', json: '{}' },
      ],
      bad: [
        [
          { type: 'model/load', id: 1, runId: 'r', model: {}, settings: null },
          "request 'model/load' field 'model' is not string",
        ],
      ],
      badEvents: [
        [
          { type: 'model/loaded', id: 1, runId: 'r', weights: [{ ...tensor, data: [0] }] },
          "'model/loaded' weights are not tensors",
        ],
      ],
    },
    train: {
      good: [
        { type: 'train/start', id: 1, runId: 'r', spec, settings },
        { type: 'train/started', runId: 'r', backend: 'cpu', backendLabel: 'CPU', reason: '', summary, spec },
      ],
      bad: [[{ type: 'train/start', id: 1, runId: 'r', spec }, "request 'train/start' field 'settings' is not object"]],
      badEvents: [[{ type: 'train/state', id: 1, runId: 'r' }, "event 'train/state' field 'state' is not string"]],
    },
    evaluate: {
      good: [
        { type: 'evaluate/run', id: 1, runId: 'r' },
        { type: 'predict/done', id: 1, runId: 'r', csv: 'a\n1', rows: 1, warnings: [] },
      ],
      bad: [
        [
          { type: 'predict/run', id: 1, runId: 'r', name: 'new.csv', source: 'a,b' },
          "request 'predict/run' field 'source' is not source",
        ],
      ],
      badEvents: [
        [
          { type: 'evaluate/done', id: 1, runId: 'r', evaluation: null },
          "event 'evaluate/done' field 'evaluation' is not object",
        ],
      ],
    },
    memory: {
      good: [
        { type: 'runs/keep', id: 1, runIds: ['a'], keepTable: true },
        { type: 'memory/report', id: 1, memory: { bytes: 0, tableBytes: 0, runBytes: 0, runs: 0 } },
      ],
      bad: [
        [
          { type: 'runs/keep', id: 1, runIds: ['a', 2], keepTable: true },
          "request 'runs/keep' field 'runIds' is not a list of run ids",
        ],
      ],
      badEvents: [[{ type: 'memory/report', id: 1, memory: 12 }, "event 'memory/report' field 'memory' is not object"]],
    },
    step: {
      good: [
        {
          type: 'step/trace',
          id: 1,
          source: { kind: 'run', runId: 'r' },
          positions: new Int32Array([0]),
          learningRate: null,
        },
        null,
      ],
      bad: [
        [
          { type: 'step/trace', id: 1, source: { kind: 'run', runId: 'r' }, positions: [0], learningRate: null },
          "request 'step/trace' field 'positions' is not i32",
        ],
      ],
      badEvents: [[{ type: 'step/traced', id: 1, trace: {} }, "'step/traced' trace is malformed"]],
    },
    sweep: {
      good: [
        { type: 'sweep/stop', id: 1, sweepId: 's' },
        {
          type: 'sweep/events',
          sweepId: 's',
          events: [{ type: 'trial/start', trial: 1, params: {}, epochs: 3, label: 'default network' }],
        },
      ],
      bad: [
        [
          { type: 'trial/cancel', id: 1, sweepId: 's', trial: '2' },
          "request 'trial/cancel' field 'trial' is not number",
        ],
        [
          { type: 'sweep/start', id: 1, sweepId: 's', refitReserve: 'yes' },
          "request 'sweep/start' field 'refitReserve' is not boolean",
        ],
      ],
      badEvents: [
        [
          { type: 'sweep/events', sweepId: 's', events: [{ type: 'trial/start', trial: 1 }] },
          "'sweep/events' has a malformed event",
        ],
        [
          {
            type: 'sweep/events',
            sweepId: 's',
            events: [{ type: 'trial/start', trial: 1, params: {}, epochs: 3, label: 7 }],
          },
          "'sweep/events' has a malformed event",
        ],
      ],
    },
    report: {
      good: [
        { type: 'report/build', id: 1, runId: 'r', modelFile: 'm.json' },
        { type: 'report/built', id: 1, runId: 'r', html: '<!DOCTYPE html>' },
      ],
      bad: [[{ type: 'report/build', id: 1, runId: 'r' }, "request 'report/build' field 'modelFile' is not string"]],
      badEvents: [
        [{ type: 'report/built', id: 1, runId: 'r', html: null }, "event 'report/built' field 'html' is not string"],
      ],
    },
  };

describe('protocol validation', () => {
  it.each(Object.entries(FAMILIES))(
    '%s: accepts its well-formed messages and names what is wrong in a malformed one',
    (_, family) => {
      const [request, event] = family.good;
      if (request !== null) expect(parseRequest(request)).toBe(request);
      if (event !== null) expect(parseEvent(event)).toBe(event);
      for (const [message, detail] of family.bad) expect(() => parseRequest(message)).toThrow(malformed(detail));
      for (const [message, detail] of family.badEvents) expect(() => parseEvent(message)).toThrow(malformed(detail));
    },
  );

  it('rejects messages without a type, unknown types, and requests without an id', () => {
    expect(() => parseRequest({ id: 1 })).toThrow(malformed('request without a type'));
    expect(() => parseEvent(null)).toThrow(malformed('event without a type'));
    expect(() => parseRequest({ type: 'train/launch', id: 1 })).toThrow(
      malformed("unknown request type 'train/launch'"),
    );
    expect(() => parseRequest({ type: 'toString', id: 1 })).toThrow(malformed("unknown request type 'toString'"));
    expect(() => parseEvent({ type: 'train/start', id: 1, runId: 'r', spec, settings })).toThrow(
      malformed("unknown event type 'train/start'"),
    );
    expect(() => parseRequest({ type: 'train/pause', runId: 'r' })).toThrow(
      malformed("request 'train/pause' field 'id' is not number"),
    );
    expect(() => parseRequest({ type: 'train/stop', id: '1', runId: 'r' })).toThrow(
      malformed("request 'train/stop' field 'id' is not number"),
    );
    expect(() =>
      parseEvent({
        type: 'train/done',
        runId: 'r',
        stopReason: 'completed',
        bestEpoch: 1,
        backend: 'cpu',
        spec: {},
        error: null,
        weights: [{ ...tensor, data: [1] }],
      }),
    ).toThrow(malformed("'train/done' weights are not tensors"));
  });

  it('checks the reading options of data/load: each absent or one of its values', () => {
    const load = (options: unknown) => parseRequest({ type: 'data/load', id: 1, name: 'a.csv', source, options });
    expect(load(null).type).toBe('data/load');
    expect(load({ decimal: ',', dateOrder: 'monthFirst', raggedRows: 'skip' }).type).toBe('data/load');
    expect(load({}).type).toBe('data/load');
    expect(load({ decimal: undefined, dateOrder: 'dayFirst' }).type).toBe('data/load');
    expect(() => load({ decimal: ';' })).toThrow(
      malformed("request 'data/load' field 'options.decimal' is not one of '.', ','"),
    );
    expect(() => load({ dateOrder: 'month-first' })).toThrow(
      malformed("request 'data/load' field 'options.dateOrder' is not one of 'dayFirst', 'monthFirst'"),
    );
    expect(() => load({ raggedRows: true })).toThrow(
      malformed("request 'data/load' field 'options.raggedRows' is not one of 'error', 'skip'"),
    );
    expect(() => load({ delimiter: ';' })).toThrow(
      malformed(
        "request 'data/load' field 'options.delimiter' is not a reading option (decimal, dateOrder, raggedRows)",
      ),
    );
    expect(() => load('comma')).toThrow(malformed("request 'data/load' field 'options' is not object?"));
  });

  it('checks train/continue: which run, as which new run, for a whole number of epochs', () => {
    const body = { type: 'train/continue', id: 4, runId: 'r2', fromRunId: 'r1', epochs: 10 };
    expect(parseRequest(body)).toEqual(body);
    expect(() => parseRequest({ ...body, fromRunId: undefined })).toThrow(
      malformed("request 'train/continue' field 'fromRunId' is not string"),
    );
    expect(() => parseRequest({ ...body, epochs: '10' })).toThrow(
      malformed("request 'train/continue' field 'epochs' is not number"),
    );
    expect(() => parseRequest({ ...body, epochs: 0 })).toThrow(
      malformed("request 'train/continue' field 'epochs' is not a whole number of 1 or more (got 0)"),
    );
    expect(() => parseRequest({ ...body, epochs: 2.5 })).toThrow(
      malformed("request 'train/continue' field 'epochs' is not a whole number of 1 or more (got 2.5)"),
    );
    expect(() => parseRequest({ ...body, runId: 'r1' })).toThrow(
      malformed("request 'train/continue' continues run 'r1' as itself; give the new run its own runId"),
    );
  });

  it('answers each request with its reply: every train request, and a sweep retrain, with train/state', () => {
    expect(REPLY_TYPE).toEqual({
      'data/load': 'data/loaded',
      'data/source': 'data/sourced',
      'data/rows': 'data/rows',
      'data/prepare': 'data/prepared',
      'network/check': 'network/checked',
      'model/export': 'model/exported',
      'model/convert': 'model/converted',
      'model/load': 'model/loaded',
      'model/open': 'model/opened',
      'train/start': 'train/state',
      'train/continue': 'train/state',
      'train/pause': 'train/state',
      'train/resume': 'train/state',
      'train/stop': 'train/state',
      'evaluate/run': 'evaluate/done',
      'predict/run': 'predict/done',
      'runs/keep': 'memory/report',
      'step/trace': 'step/traced',
      'sweep/check': 'sweep/checked',
      'sweep/start': 'sweep/started',
      'sweep/stop': 'sweep/state',
      'trial/cancel': 'sweep/state',
      'sweep/apply': 'sweep/applied',
      'sweep/retrain': 'train/state',
      'report/build': 'report/built',
      'explain/importance': 'explain/importance-done',
      'explain/rows': 'explain/rows-done',
      'explain/pdp': 'explain/pdp-done',
      'explain/cancel': 'explain/cancelled',
    });
  });

  it('train/started is a run event: it carries the runId and no request id', () => {
    const started = FAMILIES.train!.good[1] as Record<string, unknown>;
    expect(Object.keys(started)).not.toContain('id');
    expect(parseEvent(started)).toBe(started);
    expect(() => parseEvent({ ...started, runId: null })).toThrow(
      malformed("event 'train/started' field 'runId' is not string"),
    );
  });

  it('lists the buffers to transfer, each once, and none for data/rows either way', () => {
    const data = new Float32Array(4);
    expect(
      transferablesOf({ type: 'model/loaded', id: 1, runId: 'r', weights: [{ ...tensor, shape: [2, 2], data }] }),
    ).toEqual([data.buffer]);
    expect(transferablesOf({ type: 'data/load', id: 1, name: 'a.csv', source, options: null })).toEqual([source]);
    const rowIndices = new Int32Array(2);
    const actual = new Float32Array(2);
    const evaluation = {
      kind: 'regression' as const,
      loss: 0,
      mae: 0,
      rmse: 0,
      r2: 0,
      rowIndices,
      actual,
      predicted: actual,
    };
    expect(transferablesOf({ type: 'evaluate/done', id: 1, runId: 'r', evaluation })).toEqual([
      rowIndices.buffer,
      actual.buffer,
    ]);
    const indices = new Int32Array(2);
    expect(transferablesOf({ type: 'data/rows', id: 1, start: 0, count: 2, indices })).toEqual([]);
    expect(transferablesOf({ type: 'data/rows', id: 1, start: 0, indices, cells: [] })).toEqual([]);
  });

  it('checks model/convert: a known format, answered by named text or bytes whose buffers are transferred', () => {
    const convert = { type: 'model/convert', id: 1, runId: 'r', format: 'onnx-columns' };
    expect(parseRequest(convert)).toBe(convert);
    expect(() => parseRequest({ ...convert, format: 'onnx' })).toThrow(
      malformed("'model/convert' format 'onnx' is not one of onnx-columns, onnx-matrix, tfjs, pytorch, json"),
    );
    expect(() => parseRequest({ ...convert, format: 2 })).toThrow(
      malformed("request 'model/convert' field 'format' is not string"),
    );
    const weights = new Uint8Array(8);
    const files = [
      { name: 'model.json', text: '{}', bytes: null },
      { name: 'weights.bin', text: null, bytes: weights },
    ];
    const converted = { type: 'model/converted', id: 1, runId: 'r', format: 'tfjs', files } as const;
    expect(parseEvent(converted)).toBe(converted);
    expect(transferablesOf(converted)).toEqual([weights.buffer]);
    const bad = "'model/converted' files are not named texts or bytes";
    expect(() => parseEvent({ ...converted, files: [] })).toThrow(malformed(bad));
    expect(() => parseEvent({ ...converted, files: [{ name: 'model.onnx', text: null, bytes: [1, 2] }] })).toThrow(
      malformed(bad),
    );
    expect(() => parseEvent({ ...converted, files: [{ name: 'model.json', text: '{}', bytes: weights }] })).toThrow(
      malformed(bad),
    );
    expect(() => parseEvent({ ...converted, format: 'zip' })).toThrow(
      malformed("'model/converted' format 'zip' is not one of onnx-columns, onnx-matrix, tfjs, pytorch, json"),
    );
  });

  it('checks the explain family: a known method and baseline, one attribution and value per column, a grid', () => {
    const rows = {
      type: 'explain/rows',
      id: 2,
      runId: 'r',
      rows: new Int32Array([0, 4]),
      method: 'integrated-gradients',
      baseline: 'mean',
      steps: null,
    };
    expect(parseRequest(rows)).toBe(rows);
    expect(() => parseRequest({ ...rows, rows: [0, 4] })).toThrow(
      malformed("request 'explain/rows' field 'rows' is not i32"),
    );
    expect(() => parseRequest({ ...rows, method: 'shap' })).toThrow(
      malformed("'explain/rows' method 'shap' is not one of integrated-gradients, gradient-x-input"),
    );
    expect(() => parseRequest({ ...rows, baseline: 'median' })).toThrow(
      malformed("'explain/rows' baseline 'median' is not one of mean, zeros"),
    );
    expect(() => parseRequest({ ...rows, steps: '64' })).toThrow(
      malformed("request 'explain/rows' field 'steps' is not number?"),
    );
    const importance = { type: 'explain/importance', id: 3, runId: 'r', repeats: 5, seed: null };
    expect(parseRequest(importance)).toBe(importance);
    expect(() => parseRequest({ ...importance, seed: undefined })).toThrow(
      malformed("request 'explain/importance' field 'seed' is not number?"),
    );
    const pdp = { type: 'explain/pdp', id: 4, runId: 'r', column: 'x', ice: false, points: null };
    expect(parseRequest(pdp)).toBe(pdp);
    expect(() => parseRequest({ ...pdp, ice: 'no' })).toThrow(
      malformed("request 'explain/pdp' field 'ice' is not boolean"),
    );
    expect(() => parseRequest({ type: 'explain/cancel', id: 5 })).toThrow(
      malformed("request 'explain/cancel' field 'target' is not number"),
    );
    const row = { row: 0, label: 'a', prediction: 0.9, baseline: 0.3, gap: 0, attributions: [0.6], values: ['1'] };
    const result = {
      method: 'integrated-gradients',
      output: 'probability',
      steps: 64,
      baseline: 'mean',
      baselineRows: 30,
      columns: ['x'],
      rows: [row],
    };
    const done = { type: 'explain/rows-done', id: 2, runId: 'r', backend: 'CPU', result };
    expect(parseEvent(done)).toBe(done);
    const perColumn = "'explain/rows-done' rows do not give one attribution and one value per column";
    expect(() => parseEvent({ ...done, result: { ...result, rows: [{ ...row, attributions: [] }] } })).toThrow(
      malformed(perColumn),
    );
    expect(() => parseEvent({ ...done, result: { ...result, rows: [{ ...row, values: null }] } })).toThrow(
      malformed(perColumn),
    );
    expect(() => parseEvent({ ...done, backend: null })).toThrow(
      malformed("event 'explain/rows-done' field 'backend' is not string"),
    );
    expect(() =>
      parseEvent({ type: 'explain/importance-done', id: 3, runId: 'r', backend: 'CPU', result: {} }),
    ).toThrow(malformed("'explain/importance-done' result has no columns"));
    expect(() =>
      parseEvent({
        type: 'explain/pdp-done',
        id: 4,
        runId: 'r',
        backend: 'CPU',
        result: { grid: ['a', 'b'], average: [[1]] },
      }),
    ).toThrow(malformed("'explain/pdp-done' result has no average per grid value"));
    expect(() => parseEvent({ type: 'explain/progress', id: 3, done: 1 })).toThrow(
      malformed("event 'explain/progress' field 'total' is not number"),
    );
    const cancelled = { type: 'explain/cancelled', id: 5, target: 3, cancelled: true };
    expect(parseEvent(cancelled)).toBe(cancelled);
  });

  it("keeps a user error's code, path and problems across the wire", () => {
    const error = toWireError(
      new SpecError({ code: 'spec/x', path: 'layers[0].units', message: 'Units must be positive.' }),
    );
    expect(error).toEqual({
      name: 'SpecError',
      code: 'spec/x',
      path: 'layers[0].units',
      message: 'Units must be positive.',
      problems: [{ code: 'spec/x', path: 'layers[0].units', message: 'Units must be positive.' }],
    });
    expect(toWireError('boom').message).toBe('Internal error (please report): boom');
  });
});
