import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failureMessage } from './cli.ts';
import { writeFileAtomic } from './outputs.ts';

const dir = mkdtempSync(join(tmpdir(), 'bps-outputs-'));

describe('writeFileAtomic', () => {
  it('replaces the file, keeps its permissions and leaves no temporary file', () => {
    const target = join(dir, 'model.json');
    writeFileSync(target, 'old');
    chmodSync(target, 0o640);
    writeFileAtomic(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['model.json']);
  });
  it('a failed rename is one message naming the file, and the temporary file is removed', () => {
    const folder = join(dir, 'taken');
    mkdirSync(folder);
    writeFileSync(join(folder, 'inside'), 'x');
    expect(() => writeFileAtomic(folder, 'data')).toThrow(
      `Cannot write '${folder}': it is a folder, not a file. Name a file.`,
    );
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('failureMessage: the top-level guard', () => {
  it('turns a file-system error anywhere into one sentence with the path', () => {
    const e = Object.assign(new Error("EACCES: permission denied, open '/x/run.jsonl'"), {
      code: 'EACCES',
      syscall: 'open',
      path: '/x/run.jsonl',
    });
    expect(failureMessage(e)).toEqual({
      message:
        "Could not open '/x/run.jsonl': permission denied. Choose a folder you can write to, or check the permissions.",
      code: 1,
    });
  });
  it('says that anything else is a bug, without a stack trace', () => {
    expect(failureMessage(new TypeError("Cannot read properties of undefined (reading 'x')"))).toEqual({
      message:
        "internal error, a bug in Backprop Studio (not in your input): Cannot read properties of undefined (reading 'x'). Please report it with the command you ran; set BACKPROP_STUDIO_DEBUG=1 to print the stack trace.",
      code: 70,
    });
  });
});
