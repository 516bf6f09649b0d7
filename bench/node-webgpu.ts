/**
 * WebGPU in Node for the benchmark, through Dawn's Node bindings (the `webgpu` npm package, 0.3 or newer):
 * installs `navigator.gpu` and the WebGPU globals (GPUBufferUsage, …) that gpu.js and TF.js's webgpu backend
 * look for. This is the quickest real-GPU comparison on a machine without a browser (the device kit in
 * bench/device/ runs it over the NVIDIA Vulkan driver); on a machine without a GPU, Mesa's lavapipe gives a
 * software adapter that proves the plumbing but says nothing about speed.
 *
 * The package is not a project dependency (it ships 130 MB of Dawn builds for every platform): install it with
 * `npm install --no-save webgpu@0.6.2`, or point BACKPROP_WEBGPU_MODULE at an unpacked copy. gpu.js pins
 * webgpu 0.2.9, whose Dawn needs a newer glibc than Debian 12's, so that copy is not used.
 *
 * `node --import tsx bench/node-webgpu-probe.ts` prints the adapter, or why there is none.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isSoftware } from './browser/protocol.ts';

/** The adapter WebGPU got. */
export interface NodeWebGpu {
  /** e.g. "NVIDIA H200 (nvidia, hopper)" or "llvmpipe: Mesa 25.0.7 (mesa, software)". */
  adapter: string;
  /** A software rasterizer (lavapipe, SwiftShader): timings say nothing about GPUs. */
  software: boolean;
}

interface DawnModule {
  create(flags: string[]): { requestAdapter(): Promise<{ info?: Record<string, string> } | null> };
  globals: Record<string, unknown>;
}

const require = createRequire(import.meta.url);

/** The package's ES module, imported (0.3+ is ESM; `require` of ESM fails on Node 20 outside tsx). */
async function loadDawn(): Promise<DawnModule> {
  const explicit = process.env.BACKPROP_WEBGPU_MODULE;
  const entry = explicit ? require.resolve(explicit) : require.resolve('webgpu');
  let dir = dirname(entry);
  for (let i = 0; i < 3 && !safeRead(join(dir, 'package.json')); i++) dir = dirname(dir);
  const pkg = JSON.parse(safeRead(join(dir, 'package.json')) ?? '{}') as { version?: string };
  const [major, minor] = (pkg.version ?? '0.0').split('.').map(Number);
  if (major === 0 && minor < 3) {
    throw new Error(
      `the 'webgpu' package at ${dir} is ${pkg.version} (gpu.js's pin; its Dawn needs a newer glibc). ` +
        'Install Dawn for Node with `npm install --no-save webgpu@0.6.2`, or set BACKPROP_WEBGPU_MODULE to a copy of 0.3 or newer.',
    );
  }
  return (await import(pathToFileURL(entry).href)) as DawnModule;
}

function safeRead(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** Install WebGPU globals backed by Dawn; throws an Error saying why when there is no usable adapter. */
export async function installNodeWebGpu(): Promise<NodeWebGpu> {
  const dawn = await loadDawn();
  Object.assign(globalThis, dawn.globals);
  const gpu = dawn.create([]);
  // Node 20 has no navigator; Node 21+ has one without `gpu`.
  const nav = (globalThis as { navigator?: object }).navigator;
  if (nav) Object.defineProperty(nav, 'gpu', { value: gpu, configurable: true });
  else Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true });
  const adapter = await gpu.requestAdapter();
  if (!adapter)
    throw new Error(
      'Dawn found no WebGPU adapter (no Vulkan driver? set VK_ICD_FILENAMES or VK_DRIVER_FILES to its ICD file)',
    );
  const info = adapter.info ?? {};
  const name = info.description || info.device || 'unknown adapter';
  const detail = [info.vendor, info.architecture].filter(Boolean).join(', ');
  return { adapter: detail ? `${name} (${detail})` : name, software: isSoftware(`${name} ${info.architecture ?? ''}`) };
}
