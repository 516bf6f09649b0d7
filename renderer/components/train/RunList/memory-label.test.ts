import { describe, expect, it } from 'vitest';
import { formatBytes, memoryLabel } from './memory-label.ts';

describe('memory label', () => {
  it('formats bytes in the largest unit that keeps the number at least 1', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(812)).toBe('812 bytes');
    expect(formatBytes(4300)).toBe('4.2 KB');
    expect(formatBytes(52 * 1024 * 1024)).toBe('52 MB');
    expect(formatBytes(1.3 * 1024 ** 3)).toBe('1.3 GB');
  });

  it('says what the engine holds for the data and for the runs', () => {
    expect(memoryLabel({ bytes: 3 * 1024 * 1024, tableBytes: 1024 * 1024, runBytes: 2 * 1024 * 1024, runs: 3 })).toBe(
      'Engine memory: 3.0 MB (data 1.0 MB, 3 runs 2.0 MB)',
    );
    expect(memoryLabel({ bytes: 2048, tableBytes: 1024, runBytes: 1024, runs: 1 })).toBe(
      'Engine memory: 2.0 KB (data 1.0 KB, 1 run 1.0 KB)',
    );
  });
});
