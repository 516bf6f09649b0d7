/** Svelte compiler settings shared by Vite and svelte-check: runes mode everywhere. */
export default {
  compilerOptions: { runes: true },
};
