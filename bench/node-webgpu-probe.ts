/** Prints `{"adapter", "software"}` for WebGPU in Node through Dawn, or `{"error"}` with why not (exit 1). Used by bench/run.ts. */
import { installNodeWebGpu } from './node-webgpu.ts';

try {
  console.log(JSON.stringify(await installNodeWebGpu()));
  process.exit(0);
} catch (e) {
  console.log(JSON.stringify({ error: e instanceof Error ? e.message : String(e) }));
  process.exit(1);
}
