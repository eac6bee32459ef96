import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/run';
import { tempDir, writeCatalogue, writePackageFolder } from '../../support/fixtures';
import { onTestDatabase } from '../../support/dialect';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(await onTestDatabase(argv), { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('cli', () => {
  it('imports and lists as JSON with the documented fields', async () => {
    const data = tempDir();
    const work = tempDir();
    writeCatalogue(work);
    await writePackageFolder(path.join(work, 'P-1'), { id: 'P-1' });
    const imp = await cli('import', work, '--data', data);
    expect(imp).toMatchObject({ code: 0, err: '' });
    expect(imp.out).toContain('imported 1 portfolios');
    const list = await cli('list', '--json', '--data', data);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.out)).toEqual([
      {
        id: 'P-1',
        status: 'submitted',
        outcome: null,
        attempt: 1,
        credential: 'TST-8',
        candidate: { id: 'C-1', name: 'Aroha Ngata', email: 'aroha@example.school.nz', school: 'Kowhai School', district: 'North' },
        submitted_at: '2026-05-01T09:00:00.000Z',
      },
    ]);
  });

  it('exits 2 with the problems on stderr for a refused import, and for bad usage', async () => {
    const data = tempDir();
    const work = tempDir();
    writeCatalogue(work);
    await writePackageFolder(path.join(work, 'P-1'), { id: 'P-1' });
    fs.writeFileSync(path.join(work, 'P-1', 'extra.bin'), 'x');
    const r = await cli('import', work, '--data', data);
    expect(r.code).toBe(2);
    expect(r.err).toContain('import refused, nothing was imported');
    expect(r.err).toContain('file extra.bin): file is not listed in the manifest');
    expect((await cli('list', '--status', 'bogus', '--data', data)).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('import', '--data', data)).err).toContain('import needs a path');
  });

  it('runs as `npm run cli` in a real process with exit codes', async () => {
    const data = tempDir();
    const tsx = path.resolve('node_modules/.bin/tsx');
    const ok = execFileSync(tsx, await onTestDatabase(['src-main/cli/bin.ts', 'list', '--json', '--data', data]), { encoding: 'utf8' });
    expect(JSON.parse(ok)).toEqual([]);
    const bad = spawnSync(tsx, await onTestDatabase(['src-main/cli/bin.ts', 'import', path.join(data, 'missing'), '--data', data]), { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('no such file or folder');
  });
});

describe('cli export', () => {
  it('writes decisions atomically to --out and exits 2 on bad flags', async () => {
    const { tempServices } = await import('../../support/fixtures');
    const { reviewSetup } = await import('../../support/review');
    const { saveDraft, startReview, submitReview } = await import('../../../src-main/services/reviews');
    const ctx = await tempServices();
    const { reviewer } = await reviewSetup(ctx, 1);
    const id = (await startReview(ctx, 'P-1', reviewer)).review!.id;
    await saveDraft(ctx, { reviewId: id, levels: { planning: 3, reflection: 3 }, activeMsDelta: 0 }, reviewer);
    await submitReview(ctx, id, 0, reviewer);
    await ctx.close();
    const out = path.join(tempDir(), 'out', 'decisions.json');
    const r = await cli('export', '--format', 'json', '--out', out, '--data', ctx.dataDir, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ file: out, count: 1, format: 'json' });
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).decisions[0].portfolio).toBe('P-1');
    expect(fs.readdirSync(path.dirname(out))).toEqual(['decisions.json']);
    expect((await cli('export', '--format', 'xml', '--out', out, '--data', ctx.dataDir)).code).toBe(2);
    expect((await cli('export', '--format', 'csv', '--data', ctx.dataDir)).err).toContain('--out FILE is required');
  });
});

describe('cli panels', () => {
  it('imports reviewers all or nothing with line numbers, lists them, allocates and reports', async () => {
    const data = tempDir();
    const work = tempDir();
    writeCatalogue(work);
    await writePackageFolder(path.join(work, 'P-1'), { id: 'P-1' });
    expect((await cli('import', work, '--data', data)).code).toBe(0);
    const bad = path.join(work, 'bad.csv');
    fs.writeFileSync(
      bad,
      'id,name,email,school,district,roles\nR-1,Ana,ana@x.nz,S1,D1,reviewer\nR-2,Ben,not-an-email,S2,D1,reviewer;wizard\nR-1,Cat,cat@x.nz,S3,D2,reviewer\nR-4,,d@x.nz,S4,D2,reviewer\n',
    );
    const r = await cli('reviewers', 'import', bad, '--data', data);
    expect(r.code).toBe(2);
    expect(r.err).toContain('line 3: invalid email "not-an-email"');
    expect(r.err).toContain('line 3: unknown role "wizard"');
    expect(r.err).toContain('line 4: duplicate id "R-1" (also on line 2)');
    expect(r.err).toContain('line 5: name is missing');
    expect(JSON.parse((await cli('reviewers', 'list', '--json', '--data', data)).out)).toEqual([]);
    const good = path.join(work, 'good.csv');
    fs.writeFileSync(good, 'id,name,email,school,district,roles\nR-1,Ana,ana@x.nz,S1,D1,reviewer\nR-2,Ben,ben@x.nz,S2,D1,reviewer;moderator\n');
    expect((await cli('reviewers', 'import', good, '--data', data)).code).toBe(0);
    const listed = JSON.parse((await cli('reviewers', 'list', '--json', '--data', data)).out);
    expect(listed.map((x: { id: string; roles: string[] }) => [x.id, x.roles])).toEqual([
      ['R-1', ['reviewer']],
      ['R-2', ['reviewer', 'moderator']],
    ]);
    const alloc = JSON.parse((await cli('allocate', '--json', '--data', data)).out);
    expect(alloc.assigned.map((a: { reviewer: string }) => a.reviewer).sort()).toEqual(['R-1', 'R-2']);
    const assignments = JSON.parse((await cli('assignments', '--json', '--data', data)).out);
    expect(assignments.map((a: { portfolio: string; status: string }) => [a.portfolio, a.status])).toEqual([
      ['P-1', 'assigned'],
      ['P-1', 'assigned'],
    ]);
    expect(JSON.parse((await cli('moderation', '--json', '--data', data)).out)).toEqual([]);
  });
});
