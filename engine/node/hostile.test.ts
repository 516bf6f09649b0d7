/** The CLI against hostile paths and files: every case ends in one message naming the file and the fix, before any work. */
import { spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const iris = join(root, 'resources', 'samples', 'iris.csv');
const spec = join(root, 'engine', 'node', 'fixtures', 'iris-spec.json');
const space = join(root, 'resources', 'examples', 'wine-space.json');
const dir = mkdtempSync(join(tmpdir(), 'bps-hostile-'));
chmodSync(dir, 0o755);
mkdirSync(join(dir, 'folder'));
writeFileSync(join(dir, 'data.csv'), 'a,b,y\n1,2,x\n3,4,z\n5,6,x\n7,8,z\n9,1,x\n2,3,z\n4,5,x\n6,7,z\n8,9,x\n1,1,z\n');

function cli(args: string[], options: { uid?: number } = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'backprop-studio.mjs'), ...args], {
    encoding: 'utf8',
    cwd: dir,
    ...options,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Files the CLI's writes could leave behind. */
const leftovers = (folder: string) => readdirSync(folder).filter((f) => f.endsWith('.tmp'));

const model = join(dir, 'iris.model.json');
const trained = cli(['train', iris, '--target', 'species', '--spec', spec, '--epochs', '3', '--out', model, '--quiet']);

describe('outputs are checked before any work starts', () => {
  it.each([
    [
      ['train', iris, '--target', 'species', '--out', 'nope/m.json'],
      "error: --out 'nope/m.json': the folder 'nope' does not exist. Create it first (mkdir -p 'nope') or choose another folder. Nothing was computed.\n",
    ],
    [
      ['train', iris, '--target', 'species', '--out', 'folder'],
      "error: --out 'folder' is a folder. Name a file inside it, e.g. 'folder/model.json'. Nothing was computed.\n",
    ],
    [
      ['train', iris, '--target', 'species', '--out', 'newdir/'],
      "error: --out 'newdir/' ends with a slash, so it names a folder. Name a file, e.g. 'newdir/model.json'. Nothing was computed.\n",
    ],
    [['train', iris, '--target', 'species', '--out', ''], "error: --out needs a file name, got ''.\n"],
    [
      ['train', iris, '--target', 'species', '--log', 'nope/run.jsonl'],
      "error: --log 'nope/run.jsonl': the folder 'nope' does not exist. Create it first (mkdir -p 'nope') or choose another folder. Nothing was computed.\n",
    ],
    [
      ['train', iris, '--target', 'species', '--log', 'folder'],
      "error: --log 'folder' is a folder. Name a file inside it, e.g. 'folder/run.jsonl'. Nothing was computed.\n",
    ],
    [
      ['train', iris, '--target', 'species', '--log', '/dev/null'],
      "error: --log '/dev/null' is a device or pipe, not a file. Name a regular file. Nothing was computed.\n",
    ],
    [
      ['train', iris, '--target', 'species', '--out', 'data.csv/m.json'],
      "error: --out 'data.csv/m.json': 'data.csv' is a file, not a folder. Choose another folder. Nothing was computed.\n",
    ],
    [
      ['train', iris, '--target', 'species', '--out', 'same.json', '--log', './same.json'],
      "error: --out 'same.json' and --log './same.json' are the same file; one would overwrite the other. Give them different names.\n",
    ],
    [
      ['predict', model, iris, '--out', 'folder'],
      "error: --out 'folder' is a folder. Name a file inside it, e.g. 'folder/predictions.csv'. Nothing was computed.\n",
    ],
    [
      ['sweep', iris, '--target', 'species', '--space', space, '--out', 'nope/trials.csv'],
      "error: --out 'nope/trials.csv': the folder 'nope' does not exist. Create it first (mkdir -p 'nope') or choose another folder. Nothing was computed.\n",
    ],
    [
      ['sweep', iris, '--target', 'species', '--space', space, '--best-model', 'folder'],
      "error: --best-model 'folder' is a folder. Name a file inside it, e.g. 'folder/best.model.json'. Nothing was computed.\n",
    ],
  ])('%j', (args, message) => {
    expect(trained.code).toBe(0);
    const r = cli(args);
    expect(r.stderr).toBe(message);
    expect(r.code).toBe(1);
    expect(leftovers(dir)).toEqual([]);
  });

  it('a folder the user cannot write to is named before training, and leaves no temporary file', () => {
    const locked = join(dir, 'locked');
    mkdirSync(locked, { mode: 0o555 });
    chmodSync(locked, 0o555);
    // Root writes anywhere, so the check runs as 'nobody' there (a read-only folder for everyone else).
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = cli(['train', iris, '--target', 'species', '--out', 'locked/m.json'], asUser);
    expect(r.stderr).toBe(
      "error: --out 'locked/m.json': cannot create a file in 'locked': permission denied. Choose a folder you can write to, or check the permissions. Nothing was computed.\n",
    );
    expect(r.code).toBe(1);
    expect(readdirSync(locked)).toEqual([]);
  });
});

describe('outputs never replace inputs', () => {
  const link = join(dir, 'link.csv');
  symlinkSync(iris, link);
  it.each([
    [
      ['predict', model, 'data.csv', '--out', 'data.csv'],
      "error: --out 'data.csv' is the CSV file 'data.csv', which this command reads; writing there would replace it. Choose another file name.\n",
    ],
    [
      ['predict', model, 'data.csv', '--out', './data.csv'],
      "error: --out './data.csv' is the CSV file 'data.csv', which this command reads; writing there would replace it. Choose another file name.\n",
    ],
    [
      ['predict', model, 'link.csv', '--out', iris],
      `error: --out '${iris}' is the CSV file 'link.csv', which this command reads; writing there would replace it. Choose another file name.\n`,
    ],
    [
      ['predict', model, 'data.csv', '--out', model],
      `error: --out '${model}' is the model file '${model}', which this command reads; writing there would replace it. Choose another file name.\n`,
    ],
    [
      ['train', 'data.csv', '--target', 'y', '--out', spec, '--spec', spec],
      `error: --out '${spec}' is the spec file '${spec}', which this command reads; writing there would replace it. Choose another file name.\n`,
    ],
    [
      ['train', 'data.csv', '--target', 'y', '--log', 'data.csv'],
      "error: --log 'data.csv' is the CSV file 'data.csv', which this command reads; writing there would replace it. Choose another file name.\n",
    ],
    [
      ['sweep', 'data.csv', '--target', 'y', '--space', space, '--out', space],
      `error: --out '${space}' is the search space '${space}', which this command reads; writing there would replace it. Choose another file name.\n`,
    ],
  ])('%j', (args, message) => {
    const r = cli(args);
    expect(r.stderr).toBe(message);
    expect(r.code).toBe(1);
  });
});

describe('CSV inputs that are not ordinary files are refused at once', () => {
  const fifo = join(dir, 'pipe.csv');
  execFileSync('mkfifo', [fifo]);
  const sparse = join(dir, 'huge.csv');
  writeFileSync(sparse, '');
  truncateSync(sparse, 3 * 1024 ** 3);
  it.each([
    [
      ['profile', 'pipe.csv'],
      "error: CSV file 'pipe.csv' is a named pipe (FIFO), not a file. Save the data to a file and name that.\n",
    ],
    [
      ['profile', '/dev/zero'],
      "error: CSV file '/dev/zero' is a device, not a file. Save the data to a file and name that.\n",
    ],
    [
      ['train', 'folder', '--target', 'y'],
      "error: CSV file 'folder' is a folder, not a file. Name the file inside it.\n",
    ],
    [
      ['profile', 'huge.csv'],
      "error: CSV file 'huge.csv' is 3,072 MiB; the limit is 1,024 MiB. Split the file or sample its rows.\n",
    ],
    [
      ['predict', model, 'huge.csv'],
      "error: CSV file 'huge.csv' is 3,072 MiB; the limit is 1,024 MiB. Split the file or sample its rows.\n",
    ],
    [
      ['inspect', '/dev/zero'],
      "error: File '/dev/zero' is a device, not a file. Save the data to a file and name that.\n",
    ],
  ])('%j', (args, message) => {
    const r = cli(args);
    expect(r.stderr).toBe(message);
    expect(r.code).toBe(1);
  });
});

describe('deeply nested JSON is refused with a message, not a stack overflow', () => {
  const deep = join(dir, 'deep.json');
  writeFileSync(deep, `{"layers":${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
  const tail =
    'nests lists and objects more than 100 levels deep; specs, search spaces and model files need fewer than 10. Check that it is the file you meant.\n';
  it.each([
    [['inspect', 'deep.json'], `error: File 'deep.json' ${tail}`],
    [['train', 'data.csv', '--target', 'y', '--spec', 'deep.json'], `error: Spec file 'deep.json' ${tail}`],
    [['sweep', 'data.csv', '--target', 'y', '--space', 'deep.json'], `error: Search space 'deep.json' ${tail}`],
    [['predict', 'deep.json', 'data.csv'], `error: Model file 'deep.json' ${tail}`],
  ])('%j', (args, message) => {
    const r = cli(args);
    expect(r.stderr).toBe(message);
    expect(r.code).toBe(1);
  });
});

describe('flags', () => {
  it.each([
    [
      ['train', 'data.csv', '--target', 'y', '--learning-rate', '0x10'],
      "error: --learning-rate must be a decimal number > 0, got '0x10'.\n",
    ],
    [
      ['train', 'data.csv', '--target', 'y', '--learning-rate', 'Infinity'],
      "error: --learning-rate must be a decimal number > 0, got 'Infinity'.\n",
    ],
    [
      ['train', 'data.csv', '--target', 'y', '--epochs', '1e20'],
      "error: --epochs must be a whole number ≥ 1 and ≤ 1,000,000, got '1e20'.\n",
    ],
    [
      ['train', 'data.csv', '--target', 'y', '--batch-size', '1e12'],
      "error: --batch-size must be a whole number ≥ 1 and ≤ 2,147,483,647, got '1e12'.\n",
    ],
    [
      ['train', 'data.csv', '--target', 'y', '--seed', '4294967296'],
      "error: --seed must be a whole number ≥ 0 and ≤ 4,294,967,295, got '4294967296'.\n",
    ],
    [
      ['train', 'data.csv', '--target', 'y', '--target', 'a'],
      "error: --target is given twice ('y' and 'a'). Give it once.\n",
    ],
    [
      ['sweep', 'data.csv', '--target', 'y', '--space', space, '--trials', '1e9'],
      "error: --trials must be a whole number ≥ 1 and ≤ 100,000, got '1e9'.\n",
    ],
    [
      ['train', 'data.csv', '--target', 'y', '--seed', '-1'],
      "error: Flag '--seed' is followed by a value starting with '-'. Write it with '=', e.g. --seed=-1, so it is not read as another flag.\n",
    ],
    [
      ['inspect', spec, '--inputs', '0x4'],
      "error: --inputs must be a whole number ≥ 1 and ≤ 2,147,483,647, got '0x4'.\n",
    ],
  ])('%j', (args, message) => {
    const r = cli(args);
    expect(r.stderr).toBe(message);
    expect(r.code).toBe(1);
  });
});

describe('--skip-malformed-rows works wherever the malformed-row message suggests it', () => {
  const ragged = join(dir, 'ragged.csv');
  writeFileSync(
    ragged,
    'sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm,species\n5.1,3.5,1.4,0.2,setosa\n4.9,3.0\n6.3,3.3,6.0,2.5,virginica\n5.9,3.0,4.2,1.5,versicolor\n',
  );
  const refused =
    'error: Row 3 has 2 values but the header has 5 columns. Fix the row in the file, or choose "skip malformed rows".\n';
  const skipped = 'warning: Skipped 1 row that does not have 5 values (first at row 3).\n';
  it.each([['profile'], ['predict'], ['evaluate'], ['gradients'], ['explain']])('%s', (command) => {
    const args = command === 'profile' ? [command, ragged] : [command, model, ragged];
    expect(cli(args).stderr).toBe(refused);
    const r = cli([...args, '--skip-malformed-rows']);
    expect(r.code).toBe(0);
    if (command === 'profile') expect(r.stdout).toContain(skipped.replace('warning: ', '').trim());
    else expect(r.stderr.startsWith(skipped)).toBe(true);
  });
});

describe('CSV formula injection', () => {
  it('predict neutralizes labels a spreadsheet would run, keeps numbers', () => {
    const evil = join(dir, 'evil.csv');
    const rows = Array.from(
      { length: 40 },
      (_, i) => `${i % 2 ? -1 - i / 10 : 1 + i / 10},${i % 2 ? "=cmd|' /C calc'!A0" : '@home'}`,
    );
    writeFileSync(evil, `x,label\n${rows.join('\n')}\n`);
    const m = join(dir, 'evil.model.json');
    expect(cli(['train', evil, '--target', 'label', '--epochs', '2', '--out', m, '--quiet']).code).toBe(0);
    const r = cli(['predict', m, evil]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe("prediction,probability_=cmd|' /C calc'!A0,probability_@home");
    for (const line of lines.slice(1)) expect(line).toMatch(/^('=cmd\|' \/C calc'!A0|'@home),[\d.e-]+,[\d.e-]+$/);
  });
});
