// Entry of a sweep trial worker (worker_threads): loads TypeScript through tsx, like bin/backprop-studio.mjs.
import { register } from 'tsx/esm/api';

register();
await import('./sweep-worker.ts');
