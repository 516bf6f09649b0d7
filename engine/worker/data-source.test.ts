import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseModelFile } from '../export/index.ts';
import { parseRequest, type EngineEvent, type EngineRequest } from '../protocol/index.ts';
import { EngineService } from './service.ts';

const iris = readFileSync(new URL('../../resources/samples/iris.csv', import.meta.url));
const bytes = (): ArrayBuffer => iris.buffer.slice(iris.byteOffset, iris.byteOffset + iris.byteLength) as ArrayBuffer;
const settings = { target: 'species', columns: {}, split: { validation: 0.1, test: 0.2 } };
const spec = {
  layers: [{ id: 'out', type: 'dense' as const, units: 'auto' as const }],
  training: { epochs: 2, batchSize: 32, seed: 7, backend: 'cpu' as const },
};
const page = { title: 'Iris data set', url: 'https://stats.example.org/iris' };

describe('data/source: the web page a table came from', () => {
  it('is written into the model files of runs on that table, and forgotten when another table loads', async () => {
    const events: EngineEvent[] = [];
    const service = new EngineService((e) => events.push(e));
    let id = 0;
    const send = async (body: object): Promise<EngineEvent | undefined> => {
      const from = events.length;
      await service.handle({ ...body, id: ++id } as EngineRequest);
      return events.slice(from).at(-1);
    };
    const exported = async (runId: string): Promise<unknown> => {
      const reply = await send({ type: 'model/export', runId });
      if (reply?.type !== 'model/exported') throw new Error(JSON.stringify(reply));
      return JSON.parse(reply.json);
    };

    await send({ type: 'data/load', name: 'iris.csv', source: bytes(), options: null });
    expect(await send({ type: 'data/source', page })).toMatchObject({ type: 'data/sourced', page });
    await send({ type: 'train/start', runId: 'r1', spec, settings });
    const withPage = await exported('r1');
    expect(withPage).toMatchObject({ sourcePage: page });
    expect(parseModelFile(withPage).sourcePage).toEqual(page);
    // Informational: a malformed page is left out, and the model still loads.
    expect(parseModelFile({ ...(withPage as object), sourcePage: 'https://x' }).sourcePage).toBeUndefined();

    // The same bytes imported as a file: no page.
    await send({ type: 'data/load', name: 'iris.csv', source: bytes(), options: null });
    await send({ type: 'train/start', runId: 'r2', spec, settings });
    expect(await exported('r2')).not.toHaveProperty('sourcePage');
  });

  it('is checked on arrival: null or { title, url }', () => {
    expect(parseRequest({ type: 'data/source', id: 1, page: null })).toEqual({
      type: 'data/source',
      id: 1,
      page: null,
    });
    expect(() => parseRequest({ type: 'data/source', id: 1, page: { title: 'x' } })).toThrow(
      "request 'data/source' field 'page' is not { title, url }",
    );
  });
});
