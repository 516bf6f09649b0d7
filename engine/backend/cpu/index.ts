/** Public API of the CPU reference backend. */
export { CpuBackend, CpuTensor, type CpuBackendOptions } from './cpu-backend.ts';
