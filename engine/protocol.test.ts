import { describe, expect, it } from 'vitest';
import { parseEvent, parseRequest, ProtocolError, REPLY_TYPE, toWireError, transferablesOf } from './protocol.ts';
import { SpecError } from './errors.ts';

describe('protocol validation', () => {
  it('accepts well-formed requests and events', () => {
    expect(parseRequest({ type: 'train/pause', id: 3, runId: 'r1' })).toEqual({ type: 'train/pause', id: 3, runId: 'r1' });
    const source = new ArrayBuffer(4);
    expect(parseRequest({ type: 'data/load', id: 1, name: 'a.csv', source, options: null }).type).toBe('data/load');
    const event = { type: 'train/progress', runId: 'r', epoch: 1, epochs: 2, batch: 1, batches: 4, loss: 0.5, rowsPerSecond: 10, elapsedMs: 3 };
    expect(parseEvent(event)).toBe(event);
  });

  it('rejects unknown types and wrongly typed fields, naming the field', () => {
    expect(() => parseRequest({ type: 'train/launch', id: 1 })).toThrow("unknown request type 'train/launch'");
    expect(() => parseRequest({ type: 'train/stop', id: '1', runId: 'r' })).toThrow("request 'train/stop' field 'id' is not number");
    expect(() => parseRequest({ type: 'data/load', id: 1, name: 'a', source: 'text', options: null })).toThrow("field 'source' is not source");
    expect(() => parseEvent(null)).toThrow(ProtocolError);
    expect(() => parseEvent({ type: 'train/done', runId: 'r', stopReason: 'completed', bestEpoch: 1, backend: 'cpu', spec: {}, error: null, weights: [{ layer: 'a', name: 'kernel', shape: [1], data: [1] }] }))
      .toThrow("'train/done' weights are not tensors");
  });

  it('runs/keep takes a list of run ids', () => {
    expect(parseRequest({ type: 'runs/keep', id: 1, runIds: ['a', 'b'] })).toEqual({ type: 'runs/keep', id: 1, runIds: ['a', 'b'] });
    expect(() => parseRequest({ type: 'runs/keep', id: 1, runIds: ['a', 2] })).toThrow("request 'runs/keep' field 'runIds' is not a list of run ids");
    expect(REPLY_TYPE['runs/keep']).toBe('memory/report');
  });

  it('checks the reading options of data/load: each absent or one of its values', () => {
    const source = new ArrayBuffer(4);
    const load = (options: unknown) => parseRequest({ type: 'data/load', id: 1, name: 'a.csv', source, options });
    expect(load({ decimal: ',', dateOrder: 'monthFirst', raggedRows: 'skip' }).type).toBe('data/load');
    expect(load({}).type).toBe('data/load');
    expect(load({ decimal: undefined, dateOrder: 'dayFirst' }).type).toBe('data/load');
    expect(() => load({ decimal: ';' })).toThrow("request 'data/load' field 'options.decimal' is not one of '.', ','");
    expect(() => load({ dateOrder: 'month-first' })).toThrow("request 'data/load' field 'options.dateOrder' is not one of 'dayFirst', 'monthFirst'");
    expect(() => load({ raggedRows: true })).toThrow("request 'data/load' field 'options.raggedRows' is not one of 'error', 'skip'");
    expect(() => load({ delimiter: ';' })).toThrow("request 'data/load' field 'options.delimiter' is not a reading option (decimal, dateOrder, raggedRows)");
    expect(() => load('comma')).toThrow("request 'data/load' field 'options' is not object?");
  });

  it('checks train/continue: which run, as which new run, for a whole number of epochs', () => {
    const body = { type: 'train/continue', id: 4, runId: 'r2', fromRunId: 'r1', epochs: 10 };
    expect(parseRequest(body)).toEqual(body);
    expect(REPLY_TYPE['train/continue']).toBe('train/started');
    expect(() => parseRequest({ ...body, fromRunId: undefined })).toThrow("request 'train/continue' field 'fromRunId' is not string");
    expect(() => parseRequest({ ...body, epochs: '10' })).toThrow("request 'train/continue' field 'epochs' is not number");
    expect(() => parseRequest({ ...body, epochs: 0 })).toThrow("request 'train/continue' field 'epochs' is not a whole number of 1 or more (got 0)");
    expect(() => parseRequest({ ...body, epochs: 2.5 })).toThrow("request 'train/continue' field 'epochs' is not a whole number of 1 or more (got 2.5)");
    expect(() => parseRequest({ ...body, runId: 'r1' })).toThrow("request 'train/continue' continues run 'r1' as itself; give the new run its own runId");
  });

  it('lists the buffers to transfer', () => {
    const data = new Float32Array(4);
    const buffers = transferablesOf({ type: 'model/loaded', id: 1, runId: 'r', weights: [{ layer: 'a', name: 'kernel', shape: [2, 2], data }] });
    expect(buffers).toEqual([data.buffer]);
  });

  it('answers every request type with a reply type', () => {
    for (const reply of Object.values(REPLY_TYPE)) expect(typeof reply).toBe('string');
  });

  it('keeps a user error\'s code, path and problems across the wire', () => {
    const wire = toWireError(new SpecError({ code: 'spec/x', path: 'layers[0].units', message: 'Units must be positive.' }));
    expect(wire).toEqual({
      name: 'SpecError', code: 'spec/x', path: 'layers[0].units', message: 'Units must be positive.',
      problems: [{ code: 'spec/x', path: 'layers[0].units', message: 'Units must be positive.' }],
    });
    expect(toWireError('boom').message).toBe('Internal error (please report): boom');
  });
});
