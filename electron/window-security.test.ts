/**
 * Static check: every window or view created anywhere in `electron/` must be created with the secure web
 * preferences written out literally. Uses the TypeScript parser, so comments and strings cannot fool it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './main/content-security.ts';

const ELECTRON_DIR = path.dirname(fileURLToPath(import.meta.url));
const WINDOW_CLASSES = new Set(['BrowserWindow', 'BrowserView', 'WebContentsView']);
const REQUIRED: Readonly<Record<string, boolean>> = { contextIsolation: true, sandbox: true, nodeIntegration: false };
const FORBIDDEN: Readonly<Record<string, boolean>> = {
  nodeIntegrationInWorker: true,
  nodeIntegrationInSubFrames: true,
  webSecurity: false,
  allowRunningInsecureContent: true,
  webviewTag: true,
  experimentalFeatures: true,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.ts$/.test(entry.name) && !/\.(test|d)\.ts$/.test(entry.name) ? [full] : [];
  });
}

function propertyName(property: ts.ObjectLiteralElementLike): string | null {
  if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) return null;
  return ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) ? property.name.text : null;
}

function literalBoolean(property: ts.ObjectLiteralElementLike): boolean | null {
  if (!ts.isPropertyAssignment(property)) return null;
  if (property.initializer.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (property.initializer.kind === ts.SyntaxKind.FalseKeyword) return false;
  return null;
}

/** Problems with each window creation in one source text; `windows` counts the creations found. */
function checkWindowCreations(fileName: string, text: string): { windows: number; problems: string[] } {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const problems: string[] = [];
  let windows = 0;
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && WINDOW_CLASSES.has(node.expression.text)) {
      windows += 1;
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      const where = `${path.basename(fileName)}:${line + 1} new ${node.expression.text}`;
      const options = node.arguments?.[0];
      const preferences =
        options !== undefined && ts.isObjectLiteralExpression(options)
          ? options.properties.find((property) => propertyName(property) === 'webPreferences')
          : undefined;
      if (
        preferences === undefined ||
        !ts.isPropertyAssignment(preferences) ||
        !ts.isObjectLiteralExpression(preferences.initializer)
      ) {
        problems.push(
          `${where}: pass an object literal with webPreferences written out (${Object.entries(REQUIRED)
            .map(([k, v]) => `${k}: ${v}`)
            .join(', ')}).`,
        );
      } else {
        const properties = preferences.initializer.properties;
        if (properties.some((property) => ts.isSpreadAssignment(property))) {
          problems.push(
            `${where}: webPreferences must not use a spread; write every setting out so it can be checked.`,
          );
        }
        for (const [name, value] of Object.entries(REQUIRED)) {
          const property = properties.find((candidate) => propertyName(candidate) === name);
          if (property === undefined || literalBoolean(property) !== value)
            problems.push(`${where}: set ${name}: ${value}.`);
        }
        for (const [name, value] of Object.entries(FORBIDDEN)) {
          const property = properties.find((candidate) => propertyName(candidate) === name);
          if (property !== undefined && literalBoolean(property) !== !value)
            problems.push(`${where}: ${name} must not be ${value}.`);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { windows, problems };
}

describe('static check of window creation', () => {
  test('every BrowserWindow in electron/ is created with contextIsolation, sandbox and no Node integration', () => {
    let windows = 0;
    const problems: string[] = [];
    for (const file of sourceFiles(ELECTRON_DIR)) {
      const result = checkWindowCreations(file, readFileSync(file, 'utf8'));
      windows += result.windows;
      problems.push(...result.problems);
    }
    expect(problems).toEqual([]);
    expect(windows).toBeGreaterThan(0);
  });

  test('the check catches insecure or unverifiable windows', () => {
    const check = (code: string) => checkWindowCreations('sample.ts', code).problems;
    expect(
      check('new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false } })'),
    ).toEqual([]);
    expect(
      check(
        'new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: false, nodeIntegration: false } })',
      ),
    ).toEqual(['sample.ts:1 new BrowserWindow: set sandbox: true.']);
    expect(check('new BrowserWindow({ webPreferences: { sandbox: true, nodeIntegration: true } })')).toEqual([
      'sample.ts:1 new BrowserWindow: set contextIsolation: true.',
      'sample.ts:1 new BrowserWindow: set nodeIntegration: false.',
    ]);
    expect(check('new BrowserWindow(options)')).toEqual([
      'sample.ts:1 new BrowserWindow: pass an object literal with webPreferences written out (contextIsolation: true, sandbox: true, nodeIntegration: false).',
    ]);
    expect(
      check(
        'new BrowserWindow({ webPreferences: { ...secure, contextIsolation: true, sandbox: true, nodeIntegration: false } })',
      ),
    ).toEqual([
      'sample.ts:1 new BrowserWindow: webPreferences must not use a spread; write every setting out so it can be checked.',
    ]);
    expect(
      check(
        'const flag = true;\nnew BrowserWindow({ webPreferences: { contextIsolation: flag, sandbox: true, nodeIntegration: false, webSecurity: false } })',
      ),
    ).toEqual([
      'sample.ts:2 new BrowserWindow: set contextIsolation: true.',
      'sample.ts:2 new BrowserWindow: webSecurity must not be false.',
    ]);
    expect(check('new WebContentsView({})')).toHaveLength(1);
    expect(check('// new BrowserWindow({})\nconst s = "new BrowserWindow({})";')).toEqual([]);
  });

  test('the preload exposes one API object and never ipcRenderer itself', () => {
    const preload = readFileSync(path.join(ELECTRON_DIR, 'preload', 'preload.ts'), 'utf8');
    const source = ts.createSourceFile('preload.ts', preload, ts.ScriptTarget.Latest, true);
    const exposed: string[] = [];
    const visit = (node: ts.Node): void => {
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === 'exposeInMainWorld'
      ) {
        exposed.push(node.arguments.map((argument) => argument.getText(source)).join(', '));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect(exposed).toEqual(["'backpropDesktop', createDesktopApi(ipcRenderer, process.platform)"]);
    for (const file of sourceFiles(ELECTRON_DIR)) {
      if (file.endsWith(path.join('preload', 'preload.ts'))) continue;
      expect(readFileSync(file, 'utf8'), `${file} must not call exposeInMainWorld`).not.toMatch(
        /exposeInMainWorld\s*\(/,
      );
    }
  });

  test("no string in electron/ adds 'unsafe-eval' to a policy", () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'/);
    const offenders: string[] = [];
    for (const file of sourceFiles(ELECTRON_DIR)) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        if (
          (ts.isStringLiteral(node) ||
            ts.isNoSubstitutionTemplateLiteral(node) ||
            ts.isTemplateHead(node) ||
            ts.isTemplateMiddle(node) ||
            ts.isTemplateTail(node)) &&
          node.text.includes("'unsafe-eval'")
        ) {
          offenders.push(`${path.relative(ELECTRON_DIR, file)}: ${node.text}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(offenders).toEqual([]);
  });
});
