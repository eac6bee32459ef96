import type Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

export class DatabaseTooNewError extends Error {
  constructor(readonly found: number, readonly supported: number) {
    super(
      `this database is at schema version ${found}, but this app only knows up to ${supported}: it was written by a newer Evidence Workbench. Update the app; the database was not changed.`,
    );
  }
}

function checkOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration "${m.name}" has version ${m.version}, expected ${i + 1}`);
  });
}

/**
 * Brings the database to `target` (default: the newest) in one transaction, so a failed upgrade leaves it as it was.
 * Foreign keys are switched off around the run because table rebuilds in later migrations need it, then checked.
 */
export function migrate(sqlite: Database.Database, migrations: readonly Migration[] = MIGRATIONS, target = migrations.length): number {
  checkOrdered(migrations);
  const current = sqlite.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) throw new DatabaseTooNewError(current, migrations.length);
  if (current >= target) return current;
  sqlite.pragma('foreign_keys = OFF');
  try {
    // Immediate: two processes opening a new data directory at once must not both start upgrading it.
    sqlite.transaction(() => {
      if ((sqlite.pragma('user_version', { simple: true }) as number) >= target) return;
      for (const m of migrations.slice(current, target)) {
        sqlite.exec(m.sql);
        m.run?.(sqlite);
      }
      const violations = sqlite.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) throw new Error(`migration left ${violations.length} foreign key violations`);
      sqlite.pragma(`user_version = ${target}`);
    }).immediate();
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  return target;
}
