import { describe, expect, it } from 'vitest';
import type { DatasetSettings, TableInfo } from '../../engine/protocol/index.ts';
import type { EngineClient, RequestBody } from '../engine/engine-client.ts';
import { DatasetState } from './dataset.svelte.ts';

const settings: DatasetSettings = { target: 'y', columns: {} };

/**
 * An engine whose worker reads files for as long as the test says: each `data/load` waits until `finish` ends
 * it, and the worker then holds that table (the last read to end wins, as in the real worker).
 */
function slowWorker() {
  const reading: { name: string; end: () => void }[] = [];
  const worker = { table: null as string | null };
  const engine = {
    request(body: RequestBody): Promise<unknown> {
      if (body.type === 'data/load')
        return new Promise((resolve) => {
          reading.push({
            name: body.name,
            end: () => {
              worker.table = body.name;
              resolve({
                type: 'data/loaded',
                table: { name: body.name, rows: 3, columns: [] } as unknown as TableInfo,
              });
            },
          });
        });
      if (body.type === 'data/prepare') return Promise.resolve({ type: 'data/prepared', summary: null });
      return Promise.reject(new Error(`unexpected request ${body.type}`));
    },
  } as unknown as EngineClient;
  /** End the reads under way, the file `first` before any other (a small file outruns a big one). */
  const finish = async (first: string): Promise<void> => {
    for (let i = 0; i < 20; i++) {
      const next = reading.find((r) => r.name === first) ?? reading[0];
      if (next) {
        reading.splice(reading.indexOf(next), 1);
        next.end();
      }
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return { engine, worker, reading, finish };
}

describe('DatasetState.load', () => {
  it('a file chosen while another is still being read wins, in the worker too, even when it is read faster', async () => {
    const { engine, worker, reading, finish } = slowWorker();
    const dataset = new DatasetState(
      engine,
      () => {},
      () => 42,
    );
    const big = dataset.load('big.csv', new Blob(['y\n1\n']), { settings });
    await new Promise((r) => setTimeout(r, 0));
    expect(reading.map((r) => r.name)).toEqual(['big.csv']);
    const small = dataset.load('small.csv', new Blob(['y\n2\n']), { settings });
    expect(dataset.loading?.name).toBe('small.csv');
    // One read at a time: the second waits for the first.
    await new Promise((r) => setTimeout(r, 0));
    expect(reading.map((r) => r.name)).toEqual(['big.csv']);
    await finish('small.csv');
    expect(await big).toBe(false);
    expect(await small).toBe(true);
    expect(dataset.table?.name).toBe('small.csv');
    expect(worker.table).toBe('small.csv');
    expect(dataset.loading).toBeNull();
  });

  it('of files chosen in quick succession only the last is read', async () => {
    const { engine, reading, finish } = slowWorker();
    const dataset = new DatasetState(
      engine,
      () => {},
      () => 42,
    );
    const first = dataset.load('first.csv', new Blob(['y\n1\n']), { settings });
    const last = dataset.load('last.csv', new Blob(['y\n2\n']), { settings });
    await new Promise((r) => setTimeout(r, 0));
    expect(reading.map((r) => r.name)).toEqual(['last.csv']);
    await finish('last.csv');
    expect([await first, await last]).toEqual([false, true]);
    expect(dataset.table?.name).toBe('last.csv');
  });

  it('a new project (clear) while a file is being read stays empty when the read ends', async () => {
    const { engine, finish } = slowWorker();
    let changes = 0;
    const dataset = new DatasetState(
      engine,
      () => changes++,
      () => 42,
    );
    const loading = dataset.load('big.csv', new Blob(['y\n1\n']), { settings });
    await new Promise((r) => setTimeout(r, 0));
    dataset.clear();
    expect(dataset.loading).toBeNull();
    await finish('big.csv');
    expect(await loading).toBe(false);
    expect(dataset.table).toBeNull();
    expect(dataset.settings).toBeNull();
    expect(changes).toBe(1);
  });
});
