import { describe, expect, it } from 'vitest';
import { svelteScripts } from './svelte-scripts.mjs';

describe('svelteScripts', () => {
  it('keeps the script blocks, drops markup and styles, and uses each imported value once more', () => {
    const component = [
      '<script module lang="ts">', "  import { a, type T, b as c } from './x.ts';", '</script>',
      '<script lang="ts">', "  import D from './D.svelte';", "  import type { U } from './u.ts';",
      "  import * as ns from './ns.ts';", "  import E, { f } from './e.ts';", '</script>',
      "<D value={a} /><style>p { color: red; } @import 'x.css';</style>",
    ].join('\n');
    const out = svelteScripts(component);
    expect(out).toContain("import { a, type T, b as c } from './x.ts';");
    expect(out).not.toContain('<D');
    expect(out).not.toContain('color: red');
    expect(out.trim().split('\n').at(-1)).toBe('void [a, c, D, ns, f, E];');
  });

  it('adds nothing to a component without value imports', () => {
    expect(svelteScripts("<script lang=\"ts\">\n  import type { P } from './types.ts';\n</script>\n<p>hi</p>")).not.toContain('void');
  });
});
