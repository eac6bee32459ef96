/**
 * Keeps process boundaries honest: src-shared is pure (no Node, Electron or DOM-only modules), the renderer never
 * reaches into src-main or Node, and src-main never imports the renderer. Exits 1 listing each offending import.
 */
import fs from 'node:fs';
import path from 'node:path';

const RULES: { dir: string; forbidden: RegExp; why: string }[] = [
  {
    dir: 'src-shared',
    forbidden: /^(node:|electron$|fs$|path$|os$|crypto$|child_process$|better-sqlite3$|react|@mantine)|src-main|src-renderer/,
    why: 'src-shared is pure domain code',
  },
  {
    dir: 'src-renderer',
    forbidden: /^(node:|electron$|fs$|path$|better-sqlite3$|drizzle-orm)|src-main/,
    why: 'the renderer reaches the core only through the API client',
  },
  { dir: 'src-main', forbidden: /src-renderer/, why: 'main-process code must not import renderer code' },
  {
    dir: 'src-main/services',
    forbidden:
      /^(better-sqlite3|pg)$|^drizzle-orm\/(better-sqlite3|node-postgres|pg-core|sqlite-core|sqlite-proxy)|\/db\/(database|sqlite-db|open|migrate|postgres)/,
    why: 'services reach the database only through the Db port (src-main/db/port.ts)',
  },
];

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

function* files(dir: string): Generator<string> {
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) yield* files(full);
    else if (/\.(ts|tsx)$/.test(d.name)) yield full;
  }
}

const problems: string[] = [];
for (const rule of RULES) {
  if (!fs.existsSync(rule.dir)) continue;
  for (const file of files(rule.dir)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3]!;
      if (rule.forbidden.test(spec)) problems.push(`${file}: imports "${spec}" (${rule.why})`);
    }
  }
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('boundaries ok');
