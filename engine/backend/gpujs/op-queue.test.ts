/** The op queue runs ops in call order, synchronously while nothing is pending, and keeps the first failure. */
import { describe, expect, it } from 'vitest';
import { OpQueue } from './op-queue.ts';

describe('OpQueue', () => {
  it('runs synchronous ops at once and async ones strictly after what came before', async () => {
    const q = new OpQueue();
    const log: string[] = [];
    q.run(() => {
      log.push('a');
    });
    expect(log).toEqual(['a']);
    q.run(
      () =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            log.push('b');
            resolve();
          }, 5),
        ),
    );
    q.run(() => {
      log.push('c');
    });
    expect(log).toEqual(['a']);
    await q.drain();
    expect(log).toEqual(['a', 'b', 'c']);
  });

  it('keeps the first failure, skips later ops and rethrows from every drain', async () => {
    const q = new OpQueue();
    const log: string[] = [];
    q.run(() => Promise.reject(new Error('first')));
    q.run(() => {
      throw new Error('second');
    });
    q.run(() => {
      log.push('skipped?');
    });
    await expect(q.drain()).rejects.toThrow('first');
    await expect(q.drain()).rejects.toThrow('first');
    q.run(() => {
      log.push('after');
    });
    expect(log).toEqual([]);
  });

  it('a synchronous throw fails the queue too', async () => {
    const q = new OpQueue();
    q.run(() => {
      throw new Error('sync');
    });
    await expect(q.drain()).rejects.toThrow('sync');
  });
});
