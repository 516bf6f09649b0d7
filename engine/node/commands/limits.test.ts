/** Size limits at the CLI: refused with the number and the limit, in bounded time and memory; inspect warns. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const iris = join(root, 'resources', 'samples', 'iris.csv');
const dir = mkdtempSync(join(tmpdir(), 'bps-limits-'));

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'backprop-studio.mjs'), ...args], {
    encoding: 'utf8',
    cwd: dir,
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, json: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(json));
  return path;
}

const wide = {
  layers: [
    { id: 'a', type: 'dense', units: 100_000 },
    { id: 'b', type: 'dense', units: 100_000 },
    { id: 'o', type: 'dense', units: 'auto' },
  ],
};

describe('size limits', () => {
  it('inspect counts and warns about a network too large to train', () => {
    const r = cli('inspect', file('wide.json', wide), '--inputs', '4');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Total parameters: 10,000,600,000');
    expect(r.stderr).toBe(
      'warning: training 10,000,600,000 parameters needs about 335 GB, over the limit of 1 GB: Backprop Studio will refuse to train or load this network. Use fewer or smaller layers.\n',
    );
  });

  it('train refuses the network before allocating it', () => {
    const r = cli(
      'train',
      iris,
      '--target',
      'species',
      '--spec',
      file('wide-train.json', wide),
      '--out',
      join(dir, 'never.json'),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'error: Training this network (10,000,900,003 parameters) needs about 335 GB for weights, gradients, optimizer state and activations, over the limit of 1 GB. Use fewer or smaller layers.',
    );
  });

  it('a model file whose spec says units 1e9 is refused on load', () => {
    const out = join(dir, 'iris.model.json');
    expect(cli('train', iris, '--target', 'species', '--epochs', '1', '--out', out, '--quiet').code).toBe(0);
    const model = JSON.parse(readFileSync(out, 'utf8')) as { spec: { layers: { units?: number }[] } };
    model.spec.layers[0].units = 1e9;
    const r = cli('evaluate', file('huge.model.json', model), iris);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "error: In the model's spec: layers[0].units is 1,000,000,000, over the limit of 100,000 units per layer. Use fewer units.",
    );
  });

  it('sweep refuses trials 1e9 and hiddenLayers up to 1e6', () => {
    const space = file('space.json', {
      trials: 1e9,
      parameters: { hiddenLayers: { distribution: 'int', min: 1, max: 1e6 } },
    });
    const r = cli('sweep', iris, '--target', 'species', '--space', space);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('hidden layers, over the limit of 1,000 layers per network. Lower its maximum.');
    expect(r.stderr).toContain(
      'trials is 1,000,000,000, over the limit of 10,000 trials per sweep. Ask for fewer trials.',
    );
  });
});
