/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * zod must not reach the browser bundle again (docs/architecture.md#sizes; the widget validates with the
 * SDK's zod-free `checkWidgetConfig`). This walks the value imports from every widget source file,
 * into the SDK's sources too, and fails on any path to `zod`: also one through an SDK module that
 * starts importing it, which a lint rule on the widget's own imports would miss.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const sdkExports = JSON.parse(readFileSync(join(root, 'packages/sdk/package.json'), 'utf8'))
  .exports as Record<string, { source?: string } | string>;

/** The modules a file imports at runtime: `import type` and `export type` do not count. */
export function valueImports(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly)
      found.push((node.moduleSpecifier as ts.StringLiteral).text);
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly)
      found.push((node.moduleSpecifier as ts.StringLiteral).text);
    else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    )
      found.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** A source file for an import, or undefined for a package outside the repo (lit, …). */
function resolveImport(from: string, specifier: string): string | undefined {
  if (specifier.startsWith('.')) return resolve(dirname(from), specifier).replace(/\.js$/, '.ts');
  const sdk = /^@messenger-optin\/sdk(\/.*)?$/.exec(specifier);
  if (!sdk) return undefined;
  const entry = sdkExports[`.${sdk[1] ?? ''}`];
  const source = typeof entry === 'object' ? entry.source : undefined;
  if (!source) throw new Error(`${specifier}: no source entry in packages/sdk/package.json`);
  return join(root, 'packages/sdk', source);
}

const isZod = (specifier: string) => specifier === 'zod' || specifier.startsWith('zod/');

/** Every chain of imports from `entries` that ends in zod, e.g. `a.ts → b.ts → zod/mini`. */
export function zodChains(entries: readonly string[], read: (file: string) => string): string[] {
  const chains: string[] = [];
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of valueImports(file, read(file))) {
      if (isZod(specifier))
        chains.push([...chain, file, specifier].map((it) => it.replace(root, '')).join(' → '));
      const next = resolveImport(file, specifier);
      if (next) walk(next, [...chain, file]);
    }
  };
  for (const entry of entries) walk(entry, []);
  return chains;
}

const widgetSources = readdirSync(join(root, 'packages/widget/src'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .map((file) => join(root, 'packages/widget/src', file));
const readSource = (file: string) => readFileSync(file, 'utf8');

describe('the browser widget', () => {
  it('imports no zod, directly or through the SDK', () => {
    expect(widgetSources.length).toBeGreaterThan(20);
    expect(zodChains(widgetSources, readSource)).toEqual([]);
  });
});

describe('the zod import check', () => {
  it('finds zod behind the SDK schema entry', () => {
    const entry = join(root, 'packages/widget/src/config/validate.ts');
    const files: Record<string, string> = {
      [entry]: `import { parseWidgetConfig } from '@messenger-optin/sdk/schema';`,
    };
    const chains = zodChains([entry], (file) => files[file] ?? readSource(file));
    expect(chains).toContain(
      'packages/widget/src/config/validate.ts → packages/sdk/src/schema.ts → packages/sdk/src/schema/consent-event.ts → zod/mini',
    );
  });

  it.each([
    [`import * as z from 'zod/mini';`, ['zod/mini']],
    [`import { type ZodType } from 'zod';`, ['zod']],
    [`export { z } from 'zod';`, ['zod']],
    [`const load = () => import('zod/mini');`, ['zod/mini']],
    [`import 'zod';`, ['zod']],
    [`import type { WidgetConfig } from '@messenger-optin/sdk/schema';`, []],
    [`export type { ZodType } from 'zod';`, []],
    [`// import * as z from 'zod/mini';`, []],
  ])('reads %s as importing %j at runtime', (source, imports) => {
    expect(valueImports('x.ts', source)).toEqual(imports);
  });
});
