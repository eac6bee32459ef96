/**
 * The main process only relays: the code it loads (main.ts and what it imports at run time, type imports aside) must
 * not reach the services or the database, or the core would be back on the thread that handles window input.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve('.');

/** Relative modules a file loads at run time: `import type`, and imports whose every name is a type, are left out. */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const specs: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const onlyTypes = clause && !clause.name && named && ts.isNamedImports(named) && named.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) specs.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      specs.push((node.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return specs
    .filter((s) => s.startsWith('.'))
    .map((s) => {
      const base = path.resolve(path.dirname(file), s);
      return [`${base}.ts`, path.join(base, 'index.ts'), base].find((f) => fs.existsSync(f) && fs.statSync(f).isFile())!;
    });
}

function loadedBy(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    runtimeImports(file).forEach(visit);
  };
  visit(path.resolve(entry));
  return seen;
}

describe('the main process bundle', () => {
  it('loads no service, no database code and not the core itself', () => {
    const loaded = [...loadedBy('src-main/electron/main.ts')].map((f) => path.relative(ROOT, f));
    expect(loaded).toContain('src-main/electron/core-client.ts');
    const forbidden = loaded.filter((f) => /^src-main\/(services|db)\/|^src-main\/core\/(api|services|handlers)|^src-main\/electron\/core-host\.ts$/.test(f));
    expect(forbidden).toEqual([]);
  });

  it('is what the core host loads instead', () => {
    const loaded = [...loadedBy('src-main/electron/core-host.ts')].map((f) => path.relative(ROOT, f));
    expect(loaded).toEqual(expect.arrayContaining(['src-main/core/api.ts', 'src-main/core/services.ts']));
  });
});
