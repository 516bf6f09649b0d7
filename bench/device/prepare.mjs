// Builds the device kit: everything the Node WebGPU benchmark needs on a lent GPU machine that has no Node,
// no node_modules and no network (see /work/.library/device/README.md and bench/device/README.md).
//   .device-kit/node.xz            this Node binary, compressed
//   .device-kit/webgpu/            Dawn for Node (the `webgpu` package, linux-x64 build only)
//   .device-kit/bench/*.mjs        bench/run.ts, its contenders and the WebGPU probe, bundled with esbuild
//   .device-kit/debs/libvulkan1_*  the Vulkan loader (the machine may lack it)
//   .device-kit/run.sh             unpacks, points Vulkan at the NVIDIA driver, runs the benchmark into $OUT
// Usage: node bench/device/prepare.mjs   (then: device run, carry [".device-kit"], command "bash .device-kit/run.sh")
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const KIT = join(ROOT, '.device-kit');
const DAWN_VERSION = '0.6.2';
/** What may travel to the device machine in all (the tool's limit), minus room for the repository itself. */
const BUDGET_BYTES = 56 * 2 ** 20;

function step(what) {
  console.log(`device kit: ${what}`);
}

/** Dawn for Node: BACKPROP_WEBGPU_MODULE, else the npm package fetched from the registry. */
function dawnPackage() {
  const given = process.env.BACKPROP_WEBGPU_MODULE;
  if (given) return given;
  const tmp = mkdtempSync(join(tmpdir(), 'dawn-'));
  step(`fetching webgpu@${DAWN_VERSION} from the npm registry`);
  const tgz = execFileSync('npm', ['pack', `webgpu@${DAWN_VERSION}`, '--pack-destination', tmp, '--silent'], {
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop();
  execFileSync('tar', ['-xzf', join(tmp, tgz), '-C', tmp]);
  return join(tmp, 'package');
}

function size(path) {
  const s = statSync(path);
  return s.isDirectory() ? readdirSync(path).reduce((a, f) => a + size(join(path, f)), 0) : s.size;
}

rmSync(KIT, { recursive: true, force: true });
mkdirSync(join(KIT, 'bench'), { recursive: true });

step('bundling the benchmark (esbuild)');
await build({
  entryPoints: {
    run: join(ROOT, 'bench/run.ts'),
    engine: join(ROOT, 'bench/contenders/engine.ts'),
    tfjs: join(ROOT, 'bench/contenders/tfjs.ts'),
    'node-webgpu-probe': join(ROOT, 'bench/node-webgpu-probe.ts'),
  },
  outdir: join(KIT, 'bench'),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // CommonJS dependencies (gpu.js, TF.js) call require inside the ES module bundle
  banner: {
    js: "import { createRequire as __kitRequire } from 'node:module'; const require = __kitRequire(import.meta.url);",
  },
  // headless-gl is gpu.js's optional Node WebGL; the kit runs WebGPU only
  external: ['gl'],
});

step('copying Dawn for Node (linux-x64 only)');
const dawn = dawnPackage();
const dawnOut = join(KIT, 'webgpu');
mkdirSync(join(dawnOut, 'dist', 'linux-x64'), { recursive: true });
for (const f of ['package.json', 'index.js', 'LICENSE.md'])
  if (existsSync(join(dawn, f))) cpSync(join(dawn, f), join(dawnOut, f));
cpSync(join(dawn, 'dist', 'linux-x64', 'dawn.node'), join(dawnOut, 'dist', 'linux-x64', 'dawn.node'));
execFileSync('xz', ['-9', '-T0', join(dawnOut, 'dist', 'linux-x64', 'dawn.node')]);

step(`compressing this Node (${process.version})`);
execFileSync('sh', ['-c', `xz -9 -T0 -c "${process.execPath}" > "${join(KIT, 'node.xz')}"`]);

step('downloading the Vulkan loader (libvulkan1)');
mkdirSync(join(KIT, 'debs'), { recursive: true });
const apt = spawnSync('apt-get', ['download', 'libvulkan1'], { cwd: join(KIT, 'debs'), encoding: 'utf8' });
if (apt.status !== 0)
  console.warn(
    `device kit: could not download libvulkan1 (${(apt.stderr || '').trim().split('\n').pop()}); the device must have a Vulkan loader`,
  );

writeFileSync(join(KIT, 'run.sh'), readFileSync(join(ROOT, 'bench/device/run.sh'), 'utf8'));
chmodSync(join(KIT, 'run.sh'), 0o755);

const bytes = size(KIT);
step(`${(bytes / 2 ** 20).toFixed(1)} MiB in ${KIT}`);
if (bytes > BUDGET_BYTES) {
  console.error(
    `device kit: ${(bytes / 2 ** 20).toFixed(1)} MiB is over the ${BUDGET_BYTES / 2 ** 20} MiB that can travel beside the repository`,
  );
  process.exit(1);
}
