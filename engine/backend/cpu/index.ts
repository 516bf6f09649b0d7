/** Public API of the CPU reference backend. */
export { CpuBackend, CpuTensor } from './cpu-backend.ts';
