import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Compiles runes in renderer/**/*.svelte.ts so state classes can be unit-tested.
  plugins: [svelte()],
  test: {
    include: [
      'engine/**/*.test.ts',
      'electron/**/*.test.ts',
      'extension/**/*.test.ts',
      'renderer/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    testTimeout: 60_000,
    pool: 'forks',
    // CSS is not processed in tests, so `?raw` would read as ''; the theme's contrast test reads theme.css.
    css: { include: [/theme\.css/] },
  },
});
