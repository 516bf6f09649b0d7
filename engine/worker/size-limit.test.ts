import { describe, expect, it } from 'vitest';
import { csvTooLargeMessage, MAX_CSV_BYTES } from '../data/index.ts';
import type { EngineEvent, EngineRequest } from '../protocol/index.ts';
import { EngineService } from './service.ts';

describe('data/load size limit', () => {
  it('refuses a CSV over the limit before reading it, with the message every import shows', async () => {
    const events: EngineEvent[] = [];
    const service = new EngineService((e) => events.push(e));
    let sliced = 0;
    const source = {
      size: MAX_CSV_BYTES + 1,
      slice: () => {
        sliced++;
        return { arrayBuffer: () => Promise.resolve(new ArrayBuffer(0)) };
      },
    };
    await service.handle({ type: 'data/load', id: 1, name: 'huge.csv', source, options: null } as EngineRequest);
    const last = events.at(-1);
    expect(last?.type).toBe('error');
    if (last?.type !== 'error') return;
    expect(last.error.message).toBe(
      "'huge.csv' is 1,025 MiB; the studio reads at most 1,024 MiB. Split the file or sample its rows, then open the part you need.",
    );
    expect(last.error.code).toBe('data/file-too-large');
    expect(sliced).toBe(0);
  });

  it('words a smaller cap (as the extension tests use) the same way', () => {
    expect(csvTooLargeMessage('table on Example page', 3 * 1024 ** 2 + 1, 2 * 1024 ** 2)).toBe(
      "'table on Example page' is 4 MiB; the studio reads at most 2 MiB. Split the file or sample its rows, then open the part you need.",
    );
  });
});
