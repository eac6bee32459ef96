import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/database';
import { tempDir } from '../../support/fixtures';

describe('connections of one process to one SQLite file', () => {
  it('take turns for the write lock: transactions that await between statements all commit, none waits for busy_timeout', async () => {
    const file = path.join(tempDir(), 'q.sqlite');
    const handles = Array.from({ length: 5 }, () => openDatabase(file));
    const t0 = performance.now();
    await Promise.all(
      handles.map((h, i) =>
        h.db.transaction(async (tx) => {
          const { n } = (await tx.get<{ n: number }>('SELECT count(*) AS n FROM candidates'))!;
          await new Promise((r) => setTimeout(r, 5)); // a real await: other connections run meanwhile
          await tx.run("INSERT INTO candidates (id, name, email, school, district) VALUES (?, 'n', 'e', 's', 'd')", [`C-${i}-${n}`]);
        }),
      ),
    );
    // Each read the count after the one before it committed.
    const ids = (await handles[0]!.db.all<{ id: string }>('SELECT id FROM candidates')).map((r) => r.id.split('-')[2]).sort();
    expect(ids).toEqual(['0', '1', '2', '3', '4']);
    expect(performance.now() - t0).toBeLessThan(5000);
    // A write outside a transaction waits its turn too.
    await Promise.all([
      handles[1]!.db.transaction(async (tx) => {
        await new Promise((r) => setTimeout(r, 20));
        await tx.run("INSERT INTO candidates (id, name, email, school, district) VALUES ('X', 'n', 'e', 's', 'd')");
      }),
      handles[2]!.db.run("INSERT INTO candidates (id, name, email, school, district) VALUES ('Y', 'n', 'e', 's', 'd')"),
    ]);
    expect(await handles[0]!.db.get('SELECT count(*) AS n FROM candidates')).toEqual({ n: 7 });
    for (const h of handles) await h.close();
  });
});
