import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPath } from '../../../src-main/services/import/importer';
import { listQueue, statusCounts, queueFacets } from '../../../src-main/services/queue';
import { setStatus, getPortfolio } from '../../../src-main/services/portfolios';
import type { Services } from '../../../src-main/core/services';
import { tempDir, tempServices, writeCatalogue, writePackageFolder, PNG_1x1 } from '../../support/fixtures';

let ctx: Services;
const people = [
  { id: 'C-1', name: 'Aroha Ngata', district: 'North', school: 'Kowhai' },
  { id: 'C-2', name: 'Ben Walker', district: 'South', school: 'Rimu' },
  { id: 'C-3', name: 'Chloé Martin', district: 'North', school: 'Totara' },
  { id: 'C-4', name: 'Ari Ngata', district: 'East', school: 'Matai' },
];

beforeAll(async () => {
  ctx = await tempServices();
  const work = tempDir();
  writeCatalogue(path.join(work, 'batch'));
  const files = { 'w.png': { bytes: PNG_1x1, media_type: 'image/png', kind: 'image' } };
  for (const [i, c] of people.entries())
    await writePackageFolder(path.join(work, 'batch', `P-${i + 1}`), {
      id: `P-${i + 1}`,
      candidate: { ...c, email: `${c.id.toLowerCase()}@example.nz` },
      submitted_at: `2026-0${i + 3}-01T00:00:00Z`,
      files,
    });
  await importPath(ctx, path.join(work, 'batch'), { actor: 'test' });
  await setStatus(ctx, 'P-2', 'in_review', 'test');
});
afterAll(() => ctx.close());

const ids = async (q: Parameters<typeof listQueue>[1]) => (await listQueue(ctx, q, null)).rows.map((r) => r.id);

describe('queue queries', () => {
  it('pages through portfolios, oldest submission first, with a total', async () => {
    const page = await listQueue(ctx, { limit: 2 }, null);
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.id)).toEqual(['P-1', 'P-2']);
    expect(await ids({ limit: 2, offset: 2 })).toEqual(['P-3', 'P-4']);
    expect(page.rows[0]).toMatchObject({
      status: 'submitted',
      attempt: 1,
      credential: { code: 'TST-8', title: 'Test Credential' },
      candidate: { name: 'Aroha Ngata', district: 'North' },
    });
  });
  it('filters by status, credential and district', async () => {
    expect(await ids({ status: ['in_review'] })).toEqual(['P-2']);
    expect(await ids({ status: ['submitted'], district: 'North' })).toEqual(['P-1', 'P-3']);
    expect(await ids({ credential: 'NOPE' })).toEqual([]);
    expect((await listQueue(ctx, { district: 'North' }, null)).total).toBe(2);
  });
  it('searches names (accents included), emails and ids', async () => {
    expect(await ids({ search: 'ngata' })).toEqual(['P-1', 'P-4']);
    expect(await ids({ search: 'Chloé' })).toEqual(['P-3']);
    expect(await ids({ search: 'chloe mar' })).toEqual(['P-3']);
    expect(await ids({ search: 'P-4' })).toEqual(['P-4']);
    expect(await ids({ search: 'c-2@example' })).toEqual(['P-2']);
    expect(await ids({ search: 'Ar' })).toEqual(['P-1', 'P-4']);
    expect(await ids({ search: '"quoted' })).toEqual([]);
    expect(await ids({ search: '%' })).toEqual([]);
  });
  it('sorts by candidate and by status, both directions', async () => {
    expect(await ids({ sort: 'candidate' })).toEqual(['P-4', 'P-1', 'P-2', 'P-3']);
    expect(await ids({ sort: 'submitted_at', dir: 'desc' })).toEqual(['P-4', 'P-3', 'P-2', 'P-1']);
    expect((await ids({ sort: 'status' }))[0]).toBe('P-2');
  });
  it('counts per status and lists facets', async () => {
    const counts = await statusCounts(ctx);
    expect(counts.total).toBe(4);
    expect(counts.byStatus).toMatchObject({ submitted: 3, in_review: 1, decided: 0 });
    expect((await queueFacets(ctx, null)).districts).toEqual(['East', 'North', 'South']);
  });
  it('enforces the life cycle in one place and audits each change', async () => {
    await expect(setStatus(ctx, 'P-1', 'exported', 'test')).rejects.toThrow(/cannot become exported/);
    const audit = (await ctx.db.all("SELECT details FROM audit_log WHERE action = 'portfolio.status' AND entity_id = 'P-2'")) as { details: string }[];
    expect(audit.map((a) => JSON.parse(a.details))).toEqual([{ from: 'submitted', to: 'in_review' }]);
  });
  it('returns a portfolio with responses, evidence and rubric', async () => {
    const p = await getPortfolio(ctx, 'P-1');
    expect(p.responses).toHaveLength(1);
    expect(p.evidence[0]).toMatchObject({ id: 'E1', kind: 'image', mediaType: 'image/png', bytes: PNG_1x1.length });
    expect(p.rubric.criteria.map((c) => c.id)).toEqual(['planning', 'reflection']);
    await expect(getPortfolio(ctx, 'nope')).rejects.toThrow('no portfolio nope');
  });
});
