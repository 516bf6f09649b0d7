/** The WebGL2 read patch: it rewrites gpu.js's own shader function, and only that. */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { TEXEL_FETCH_READ, useTexelFetch, withTexelFetch } from './texel-fetch.ts';

/** gpu.js's WebGL2 and WebGL1 fragment shader templates, as the installed version ships them. */
function gpujsTemplate(backend: 'web-gl2' | 'web-gl'): string {
  const mod: unknown = createRequire(import.meta.url)(`gpu.js/src/backend/${backend}/fragment-shader.js`);
  const text: unknown = typeof mod === 'object' && mod !== null ? Reflect.get(mod, 'fragmentShader') : null;
  if (typeof text !== 'string') throw new Error(`gpu.js ${backend} has no fragmentShader template`);
  return text;
}

/** gpu.js's own getMemoryOptimized32, whole. */
const READ = /float getMemoryOptimized32\(sampler2D[^{]*\{[^{}]*\}/;

describe('withTexelFetch', () => {
  it("replaces gpu.js's WebGL2 getMemoryOptimized32 with the texelFetch one and keeps every other line", () => {
    const shader = gpujsTemplate('web-gl2');
    const patched = withTexelFetch(shader);
    expect(patched).toContain(TEXEL_FETCH_READ);
    expect(patched.match(/float getMemoryOptimized32\(/g)).toHaveLength(1);
    // the rest of the template is untouched: removing the new function leaves the old text minus the old one
    const old = READ.exec(shader)?.[0] ?? '';
    expect(old).toContain('texture(tex, st / vec2(texSize))');
    expect(patched.replace(TEXEL_FETCH_READ, '')).toBe(shader.replace(old, ''));
  });

  it('leaves a WebGL1 shader alone (GLSL ES 1.00 has no texelFetch)', () => {
    const shader = gpujsTemplate('web-gl');
    expect(withTexelFetch(shader)).toBe(shader);
  });

  it('leaves a GLSL ES 3.00 shader without the function alone', () => {
    const shader = '#version 300 es\nvoid main(void) {}';
    expect(withTexelFetch(shader)).toBe(shader);
  });
});

describe('useTexelFetch', () => {
  it("wraps a kernel's getFragmentShader and passes its arguments through", () => {
    const seen: unknown[] = [];
    const kernel = {
      source: `#version 300 es\n${READ.exec(gpujsTemplate('web-gl2'))?.[0]}`,
      getFragmentShader(args: unknown): string {
        seen.push(args);
        return this.source;
      },
    };
    expect(useTexelFetch(kernel)).toBe(true);
    expect(kernel.getFragmentShader('args')).toBe(`#version 300 es\n${TEXEL_FETCH_READ}`);
    expect(seen).toEqual(['args']);
  });

  it('patches nothing on an object without getFragmentShader', () => {
    expect(useTexelFetch({})).toBe(false);
    expect(useTexelFetch(null)).toBe(false);
  });
});
