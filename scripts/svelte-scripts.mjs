// A Svelte component's <script> blocks as one TypeScript module, for tools that read TypeScript only
// (scripts/check-cycles.mjs).

/** Local names of the values an import statement's clause brings in (`import type` and `type X` bring none). */
function valueNames(clause) {
  if (/^type\s/.test(clause)) return [];
  const names = [];
  const braces = /\{([^}]*)\}/.exec(clause);
  for (const spec of braces ? braces[1].split(',') : []) {
    const name = spec.trim().split(/\s+as\s+/).pop()?.trim();
    if (name && !/^type\s/.test(spec.trim())) names.push(name);
  }
  const outside = clause.replace(/\{[^}]*\}/, '').split(',').map((x) => x.trim().replace(/^\*\s+as\s+/, ''));
  return [...names, ...outside.filter((x) => /^[\w$]+$/.test(x))];
}

/**
 * The <script> blocks of a component, as one TypeScript module (styles import nothing). A value the markup
 * uses is not used in the script, and TypeScript would drop its import as type-only: each is used once more.
 */
export function svelteScripts(source) {
  const code = [...source.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
  const names = [...code.matchAll(/^\s*import\s+([^'"]+?)\s+from\s+['"]/gm)].flatMap((m) => valueNames(m[1]));
  return `${code}\n${names.length ? `void [${names.join(', ')}];` : ''}\n`;
}
