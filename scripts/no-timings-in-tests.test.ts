/**
 * The end-to-end suite asserts what the app does, never how long it takes: a timing fails on a busy machine.
 * Timings belong in `npm run bench:ui`. This scans the specs for the ways a timing gets in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));
const e2e = path.join(root, 'e2e');
const specs = readdirSync(e2e).filter((f) => f.endsWith('.spec.ts')).map((f) => path.join(e2e, f)).concat(path.join(e2e, 'app/fixtures.ts'));

/** Patterns of a timing measured in a test: long-task observers and page clocks. */
const TIMING = [/longtask/i, /__longTasks/, /performance\.now\(\)/, /PerformanceObserver/];

describe('no timing assertions in the end-to-end suite', () => {
  test.each(specs.map((f) => [path.relative(root, f), f]))('%s measures no durations', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    expect(TIMING.filter((p) => p.test(text)).map(String)).toEqual([]);
  });

  test('playwright.config.ts does not retry failed tests (a retry hides a flaky one)', () => {
    expect(readFileSync(path.join(root, 'playwright.config.ts'), 'utf8')).not.toMatch(/retries:\s*[^0\s]/);
  });
});
