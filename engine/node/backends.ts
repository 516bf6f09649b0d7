/** Backends only a Node host may offer: gpu.js's `cpu` mode, which needs `new Function` (no CSP here). */
import { gpujsProvider, registerBackend } from '../backend/index.ts';

/** Register the Node-only backends (call once, before choosing a backend). */
export function registerNodeBackends(): void {
  registerBackend(gpujsProvider('cpu', true));
}
