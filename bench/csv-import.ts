/**
 * `npm run bench:csv`: import and profile a generated 1,000,000-row × 20-column CSV with the engine's
 * streaming reader, against papaparse's raw parse of the same bytes (the floor; target: within 2×).
 * Each measurement runs in its own process so peak RSS is its own. Writes JSON to bench/results/.
 * Flags: --rows=N (default 1,000,000).
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Random } from '../engine/random.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const CHUNK = 1 << 20;

/** Write the CSV: 14 numeric, 3 integer, 2 categorical columns and a class target, with a few missing cells. */
function generate(path: string, rows: number): void {
  const rng = new Random(20261128);
  const fd = openSync(path, 'w');
  const header = [
    ...Array.from({ length: 14 }, (_, i) => `x${i}`),
    'count_a',
    'count_b',
    'year',
    'region',
    'segment',
    'label',
  ];
  writeSync(fd, `${header.join(',')}\n`);
  const regions = ['north', 'south', 'east', 'west'];
  const segments = ['retail', 'online', 'wholesale'];
  let buf = '';
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let i = 0; i < 14; i++) cells.push(rng.next() < 0.002 ? 'NA' : (rng.normal() * (i + 1) * 10).toFixed(4));
    cells.push(String(rng.int(100)), String(rng.int(5000)), String(2000 + rng.int(25)));
    cells.push(regions[rng.int(4)], segments[rng.int(3)], rng.next() < 0.3 ? 'yes' : 'no');
    buf += `${cells.join(',')}\n`;
    if (buf.length > CHUNK) {
      writeSync(fd, buf);
      buf = '';
    }
  }
  writeSync(fd, buf);
  closeSync(fd);
}

/** Read the file in 1 MiB chunks. */
function* chunks(path: string): Generator<Uint8Array> {
  const fd = openSync(path, 'r');
  const b = new Uint8Array(CHUNK);
  for (;;) {
    const n = readSync(fd, b, 0, CHUNK, null);
    if (n <= 0) break;
    yield b.slice(0, n);
  }
  closeSync(fd);
}

/** One measurement, run inside a child process: prints JSON { seconds, peakRssMiB, ... }. */
async function child(mode: string, path: string): Promise<void> {
  const t0 = performance.now();
  const out: Record<string, number | string> = {};
  if (mode === 'papaparse') {
    const Papa = (await import('papaparse')).default;
    const { createReadStream } = await import('node:fs');
    // papaparse's own streaming parse of the file, keeping nothing: the floor for any importer built on it.
    const rows = await new Promise<number>((resolve, reject) => {
      let n = 0;
      Papa.parse(createReadStream(path, { highWaterMark: CHUNK }), {
        delimiter: ',',
        chunk: (r: { data: unknown[] }) => {
          n += r.data.length;
        },
        complete: () => resolve(n),
        error: (e: Error) => reject(e),
      });
    });
    out.rows = rows;
  } else {
    const { createCsvReader, profileTable } = await import('../engine/data/index.ts');
    let progress = 0;
    const reader = createCsvReader({ totalBytes: statSync(path).size }, () => progress++);
    for (const c of chunks(path)) reader.push(c);
    const table = reader.finish();
    out.rows = table.rows;
    out.progressEvents = progress;
    out.importSeconds = (performance.now() - t0) / 1000;
    if (mode === 'profile') {
      const t1 = performance.now();
      profileTable(table, { target: 'label' });
      out.profileSeconds = (performance.now() - t1) / 1000;
    }
  }
  out.seconds = (performance.now() - t0) / 1000;
  out.peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

async function main(): Promise<void> {
  const [, , first, second] = process.argv;
  if (first === '--child') return child(second, process.argv[4]);
  const rows = Number(process.argv.find((a) => a.startsWith('--rows='))?.slice(7) ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'bps-csv-'));
  const path = join(dir, 'big.csv');
  try {
    process.stderr.write(`generating ${rows.toLocaleString('en-US')} rows × 20 columns…\n`);
    generate(path, rows);
    const sizeMiB = statSync(path).size / 2 ** 20;
    const run = (mode: string) => {
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', mode, path],
        { encoding: 'utf8', maxBuffer: 1 << 24 },
      );
      if (r.status !== 0) throw new Error(`${mode} failed: ${r.stderr}`);
      return JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, number>;
    };
    const floor = run('papaparse');
    const engine = run('import');
    const profiled = run('profile');
    const ratio = engine.seconds / floor.seconds;
    const lines = [
      `CSV ${rows.toLocaleString('en-US')} rows × 20 columns, ${sizeMiB.toFixed(1)} MiB`,
      `papaparse raw parse (floor)   ${floor.seconds.toFixed(2)} s   peak RSS ${floor.peakRssMiB} MiB`,
      `engine import (typed columns) ${engine.seconds.toFixed(2)} s   peak RSS ${engine.peakRssMiB} MiB   ${engine.progressEvents} progress events   ${ratio.toFixed(2)}× the floor (target ≤ 2×)`,
      `engine import + profile       ${profiled.seconds.toFixed(2)} s   peak RSS ${profiled.peakRssMiB} MiB   (profile ${Number(profiled.profileSeconds).toFixed(2)} s)`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    mkdirSync(join(HERE, 'results'), { recursive: true });
    writeFileSync(
      join(HERE, 'results', 'csv-import.json'),
      JSON.stringify({ rows, sizeMiB, floor, engine, profiled, ratio }, null, 2),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
