/**
 * Review finding F9: `export --format pytorch|tfjs --out DIR` and `sweep --export-optuna DIR` refuse a folder that
 * already holds a file they would write (naming it), unless --force; then they replace only those files.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringifyModelFile } from '../export/index.ts';
import { trainTestModel } from '../export/test-models.ts';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'bps-overwrite-'));
const iris = join(root, 'resources', 'samples', 'iris.csv');
const model = await trainTestModel(
  readFileSync(iris, 'utf8'),
  { target: 'species' },
  [{ id: 'output', type: 'dense', units: 'auto' }],
  1,
);
writeFileSync(join(dir, 'iris.model.json'), stringifyModelFile(model));

function cli(...args: string[]): { code: number; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'backprop-studio.mjs'), ...args], {
    encoding: 'utf8',
    cwd: dir,
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stderr: r.stderr };
}

/** A folder holding the user's own files. */
function userFolder(name: string, files: Record<string, string>): string {
  mkdirSync(join(dir, name));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, name, file), text);
  return name;
}

describe('export into a folder that holds files of the same names', () => {
  it('pytorch: refused, naming the files, and nothing is written', () => {
    const full = userFolder('full', { 'train.py': 'mine\n', 'README.md': 'keep\n', 'notes.txt': 'other\n' });
    const r = cli('export', 'iris.model.json', '--format', 'pytorch', '--out', full);
    expect(r.stderr).toBe(
      "error: Cannot export into 'full': it already holds README.md, train.py, which this export would " +
        'replace. Choose a new or empty folder for --out, or add --force to replace those files (other files in the folder ' +
        'are left alone).\n',
    );
    expect(r.code).toBe(1);
    expect(readdirSync(join(dir, full)).sort()).toEqual(['README.md', 'notes.txt', 'train.py']);
    expect(readFileSync(join(dir, full, 'train.py'), 'utf8')).toBe('mine\n');
  });
  it('pytorch --force: replaces only the files it writes, says which, leaves the others', () => {
    const forced = userFolder('forced', { 'model.json': '{"edited": true}\n', 'notes.txt': 'other\n' });
    const r = cli('export', 'iris.model.json', '--format', 'pytorch', '--out', forced, '--force');
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')[1]).toBe("Replaced the folder's previous model.json (--force).");
    expect(readFileSync(join(dir, forced, 'notes.txt'), 'utf8')).toBe('other\n');
    expect(JSON.parse(readFileSync(join(dir, forced, 'model.json'), 'utf8'))).toHaveProperty('spec');
  });
  it('pytorch: exporting again into the package folder is refused (an edited model.json is not lost)', () => {
    expect(cli('export', 'iris.model.json', '--format', 'pytorch', '--out', 'pkg').code).toBe(0);
    writeFileSync(join(dir, 'pkg', 'model.json'), '{"edited": true}\n');
    const r = cli('export', 'iris.model.json', '--format', 'pytorch', '--out', 'pkg');
    expect(r.stderr).toMatch(
      /^error: Cannot export into 'pkg': it already holds README\.md, model\.py, .*, predict\.py, model\.json, which/,
    );
    expect(readFileSync(join(dir, 'pkg', 'model.json'), 'utf8')).toBe('{"edited": true}\n');
  });
  it('an empty folder is fine, and so is one holding only other files', () => {
    mkdirSync(join(dir, 'empty'));
    expect(cli('export', 'iris.model.json', '--format', 'tfjs', '--out', 'empty').code).toBe(0);
    userFolder('others', { 'notes.txt': 'other\n' });
    expect(cli('export', 'iris.model.json', '--format', 'pytorch', '--out', 'others').code).toBe(0);
    expect(readFileSync(join(dir, 'others', 'notes.txt'), 'utf8')).toBe('other\n');
  });
  it('tfjs: refused with one file held, replaced with --force', () => {
    const t = userFolder('tfjs-user', { 'model.json': 'mine\n' });
    const r = cli('export', 'iris.model.json', '--format', 'tfjs', '--out', t);
    expect(r.stderr).toBe(
      "error: Cannot export into 'tfjs-user': it already holds model.json, which this export would " +
        'replace. Choose a new or empty folder for --out, or add --force to replace that file (other files in the folder ' +
        'are left alone).\n',
    );
    expect(existsSync(join(dir, t, 'weights.bin'))).toBe(false);
    const f = cli('export', 'iris.model.json', '--format', 'tfjs', '--out', t, '--force');
    expect(f.stderr).toBe(
      'Wrote TF.js layers model to tfjs-user/model.json and tfjs-user/weights.bin\n' +
        "Replaced the folder's previous model.json (--force).\n",
    );
  });
  it('onnx: --force is refused (one file, which --out names)', () => {
    const r = cli('export', 'iris.model.json', '--format', 'onnx', '--out', 'x.onnx', '--force');
    expect(r.stderr).toBe(
      'error: --force applies to --format tfjs and pytorch, which write a folder of files; ' +
        '--format onnx writes the one --out file. Remove --force.\n',
    );
    expect(r.code).toBe(1);
  });
});

describe('sweep --export-optuna into a folder that holds files of the same names', () => {
  const space = join(dir, 'space.json');
  writeFileSync(
    space,
    JSON.stringify({
      strategy: 'random',
      objective: { metric: 'valAccuracy', direction: 'maximize' },
      parameters: { 'training.optimizer.learningRate': { distribution: 'logUniform', min: 0.001, max: 0.1 } },
    }),
  );
  const sweep = (...more: string[]) =>
    cli('sweep', iris, '--target', 'species', '--space', space, '--epochs', '1', ...more);
  it('refuses a project folder holding README.md and model.json, and --force replaces only those', () => {
    const project = userFolder('project', { 'README.md': 'mine\n', 'model.json': '{}\n', 'notes.txt': 'other\n' });
    const r = sweep('--export-optuna', project);
    expect(r.stderr).toBe(
      "error: Cannot export into 'project': it already holds README.md, model.json, which this export " +
        'would replace. Choose a new or empty folder for --export-optuna, or add --force to replace those files (other ' +
        'files in the folder are left alone).\n',
    );
    expect(readFileSync(join(dir, project, 'README.md'), 'utf8')).toBe('mine\n');
    const f = sweep('--export-optuna', project, '--force');
    expect(f.code, f.stderr).toBe(0);
    expect(f.stderr).toContain("Replaced the folder's previous README.md, model.json (--force).\n");
    expect(readFileSync(join(dir, project, 'notes.txt'), 'utf8')).toBe('other\n');
    expect(existsSync(join(dir, project, 'study.py'))).toBe(true);
  });
  it('a study folder swept from its own data.csv is refused for its other files, not for data.csv', () => {
    const s = userFolder('study', { 'data.csv': readFileSync(iris, 'utf8'), 'study.json': '{}\n' });
    const r = cli('sweep', join(s, 'data.csv'), '--target', 'species', '--space', space, '--export-optuna', s);
    expect(r.stderr).toContain("error: Cannot export into 'study': it already holds study.json, which this export");
  });
  it('--force without --export-optuna is refused', () => {
    const r = sweep('--out', 'trials.csv', '--force');
    expect(r.stderr).toBe(
      'error: --force applies to --export-optuna only: it lets the study replace the files of an ' +
        'existing folder. Remove --force.\n',
    );
    expect(r.code).toBe(1);
  });
});
