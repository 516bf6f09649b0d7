/**
 * The browser mode's matrix-multiply micro-benchmark (Node side): the three multiplies of each W2 dense
 * layer (forward x·W, weight gradient xᵀ·dz, input gradient dz·Wᵀ) on the engine's gpu.js kernels and
 * with tf.matMul, on WebGPU and on WebGL2. Rounds interleave the backends (engine, TF.js, engine, …),
 * each in a fresh page and worker, so a busy moment of a shared machine hits both sides; the table gives
 * the median GFLOP/s and the engine ÷ TF.js ratio of every round.
 */
import { WORKLOADS } from '../workloads.ts';
import {
  MATMUL_CONTENDERS,
  MATMUL_KINDS,
  type MatmulContender,
  type MatmulKind,
  type MatmulRequest,
  type MatmulResult,
  type WorkerAnswer,
  type WorkerRequest,
} from './protocol.ts';

/** Engine contender and the TF.js one it is compared with. */
const PAIRS: readonly (readonly [MatmulContender, MatmulContender])[] = [
  ['engine-gpujs-webgpu', 'tfjs-webgpu'],
  ['engine-gpujs-webgl2', 'tfjs-webgl'],
];

/** W2's layers as [rows, inputs, units] at its batch size. */
export function w2Layers(): MatmulRequest['layers'] {
  const w2 = WORKLOADS.find((w) => w.id === 'W2');
  if (!w2) throw new Error('no W2 workload');
  const widths = [w2.features, ...w2.hidden, w2.classes];
  return widths.slice(1).map((units, i) => ({ rows: w2.batchSize, inputs: widths[i], units }));
}

/** Median of the finite values (NaN when none): a derived timing may be missing in a round. */
const median = (xs: readonly number[]): number => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Run `rounds` interleaved rounds on the contenders the filter keeps (parts of contender ids; all when
 * empty) and return the report's lines (Markdown table). Failures are reported in the lines.
 */
export async function matmulBench(
  ask: (request: WorkerRequest) => Promise<WorkerAnswer>,
  filter: readonly string[],
  rounds: number,
  reps: number,
  log: (line: string) => void,
): Promise<string[]> {
  const layers = w2Layers();
  const contenders = MATMUL_CONTENDERS.filter((c) => !filter.length || filter.some((f) => c.includes(f)));
  const results = new Map<MatmulContender, MatmulResult[]>();
  const failures: string[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (const contender of contenders) {
      const answer = await ask({ type: 'matmul', matmul: { contender, layers, reps } });
      if (!answer.ok || !('matmul' in answer)) {
        failures.push(`round ${round} ${contender}: ${answer.ok ? 'no result' : answer.error}`);
        log(`  matmul round ${round} ${contender}: failed`);
        continue;
      }
      results.set(contender, [...(results.get(contender) ?? []), answer.matmul]);
      const gf = answer.matmul.seconds.map((s, i) => MATMUL_KINDS.map((k) => fixed(gflops(layers[i], s[k]))).join('/'));
      log(`  matmul round ${round} ${contender}: GFLOP/s (forward/weightGrad/inputGrad) ${gf.join(', ')}`);
    }
  }
  const lines = [
    `Matrix multiplies of W2's layers, ${rounds} interleaved round(s) × ${reps} launches each;`,
    'GFLOP/s are medians over the rounds,',
    'ratio = engine GFLOP/s ÷ TF.js GFLOP/s in each round (≥ 1: the engine is as fast or faster).',
    '',
    '| multiply | shape [m·k·n] | engine | GFLOP/s | TF.js | GFLOP/s | ratio per round | median ratio |',
    '| --- | --- | --- | ---: | --- | ---: | --- | ---: |',
  ];
  for (const [ours, theirs] of PAIRS) {
    const a = results.get(ours) ?? [];
    const b = results.get(theirs) ?? [];
    if (!a.length || !b.length) continue;
    layers.forEach((l, i) => {
      for (const k of MATMUL_KINDS) {
        const shape = shapeOf(l, k);
        const ga = a.map((r) => gflops(l, r.seconds[i][k]));
        const gb = b.map((r) => gflops(l, r.seconds[i][k]));
        const ratios = ga.slice(0, Math.min(ga.length, gb.length)).map((g, j) => g / gb[j]);
        const cells = [`layer ${i + 1} ${k}`, shape, ours, fixed(median(ga)), theirs, fixed(median(gb))];
        lines.push(`| ${[...cells, ratios.map(fixed).join(', '), fixed(median(ratios))].join(' | ')} |`);
      }
    });
  }
  const devices = [...results.entries()].map(([c, rs]) => `${c}: ${rs[0].device}`);
  return [...lines, '', ...devices.map((d) => `- ${d}`), ...failures.map((f) => `- FAILED ${f}`)];
}

const fixed = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');

function gflops(l: MatmulRequest['layers'][number], seconds: number): number {
  return (2 * l.rows * l.inputs * l.units) / seconds / 1e9;
}

/** The multiply's [m·k·n]: forward rows·inputs·units, weight gradient inputs·rows·units, input gradient rows·units·inputs. */
function shapeOf(l: MatmulRequest['layers'][number], k: MatmulKind): string {
  const byKind: Record<MatmulKind, number[]> = {
    forward: [l.rows, l.inputs, l.units],
    weightGrad: [l.inputs, l.rows, l.units],
    inputGrad: [l.rows, l.units, l.inputs],
  };
  const dims = byKind[k];
  return dims.join('·');
}
