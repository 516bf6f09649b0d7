import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const stepThrough = readFileSync(new URL('../renderer/lib/step-through-model.ts', import.meta.url), 'utf8');

describe("README's account of the app's explanations", () => {
  it('says nothing built is "not built yet"', () => {
    expect(readme).not.toMatch(/not built yet/);
  });

  it("points the Explain section at Evaluate ▸ Why and names the step-through's input stop as the app titles it", () => {
    const explain = readme.slice(readme.indexOf('### Explain'), readme.indexOf('### Report'));
    expect(explain).toContain('Evaluate ▸ Why');
    expect(explain).toContain('"Backward · the inputs"');
    expect(stepThrough).toContain("title: 'Backward · the inputs'");
  });
});
