/**
 * Queue page, status counts and name search through the real API path (`createCore().handle`: contract validation,
 * the viewer's profile, the service, and the JSON a transport sends) beside the hand-written query on the raw driver.
 */
import { createCore } from '../../src-main/core/api';
import type { Services } from '../../src-main/core/services';
import { listQueue } from '../../src-main/services/queue';
import { createReviewer, systemActor } from '../../src-main/services/reviewers';
import type { QueuePage, StatusCounts } from '../../src-shared/contracts/queue';
import type { BareQueue, PageResult } from './bare-queue';
import { interleaved, ratioFigures, splitFigure } from './compare';

const INFO = { name: 'Evidence Workbench', version: 'bench', shell: 'browser' } as const;
const LIMIT = 100;
const SEARCH = 'Ngata';

/** A figure is only worth printing if both sides return the same thing: checked once, before the timing. */
function sameRows(what: string, app: QueuePage, bare: PageResult): void {
  const ids = app.rows.map((r) => r.id);
  if (app.total !== bare.total || ids.join() !== bare.ids.join()) {
    throw new Error(
      `${what}: the bare query returns other rows than the API (API ${ids.length} rows of ${app.total}, bare ${bare.ids.length} of ${bare.total})`,
    );
  }
}

function sameCounts(app: StatusCounts, bare: Record<string, number>): void {
  const nonZero = Object.entries(app.byStatus).filter(([, n]) => n > 0);
  if (nonZero.length !== Object.keys(bare).length || nonZero.some(([s, n]) => bare[s] !== n)) {
    throw new Error(`status counts: the bare query counts otherwise than the API (${JSON.stringify(app.byStatus)} vs ${JSON.stringify(bare)})`);
  }
}

export async function queueFigures(dialect: string, ctx: Services, bare: BareQueue, n: number, samples: number): Promise<Record<string, string>> {
  const core = createCore(ctx, INFO);
  const lead = await createReviewer(
    ctx,
    { id: 'bench-lead', name: 'Bench Lead', email: 'lead@bench.nz', school: '', district: '', roles: ['lead'] },
    systemActor('bench'),
  );
  const caller = { actor: lead.id };
  const call = (method: string, input: unknown) => core.handle(method, input, caller);
  // What a transport does with the result before it leaves the core.
  const api = async (method: string, input: unknown) => JSON.stringify(await call(method, input));
  const out: Record<string, string> = {};
  const label = (what: string) => `databases: ${dialect} ${what}`;

  const deep = Math.max(0, Math.floor(n / 2));
  for (const [what, offset] of [
    ['queue page, offset 0', 0],
    [`queue page, offset ${deep.toLocaleString('en')}`, deep],
  ] as const) {
    const input = { offset, limit: LIMIT };
    sameRows(label(what), (await call('queue.list', input)) as QueuePage, await bare.page(offset, LIMIT));
    Object.assign(
      out,
      ratioFigures(
        label(what),
        await interleaved(
          samples,
          () => api('queue.list', input),
          () => bare.page(offset, LIMIT),
        ),
      ),
    );
    out[`${label(what)}: bare rows / total count (median)`] = splitFigure(
      await interleaved(
        samples,
        () => bare.rows(offset, LIMIT),
        () => bare.total(),
      ),
    );
  }

  sameCounts((await call('queue.counts', {})) as StatusCounts, await bare.counts());
  Object.assign(
    out,
    ratioFigures(
      label('status counts'),
      await interleaved(
        samples,
        () => api('queue.counts', {}),
        () => bare.counts(),
      ),
    ),
  );

  const search = { search: SEARCH, limit: LIMIT };
  // Asked of the service first: a dialect the queue's search cannot run on yet is a line in the output, not a crash
  // (and not the core's logged internal error).
  const refused = await listQueue(ctx, search, lead).then(
    () => null,
    (err: Error) => err.message.split('\n')[0]!,
  );
  if (refused) out[label(`name search "${SEARCH}"`)] = `not available on this dialect yet (${refused})`;
  else {
    sameRows(label('name search'), (await call('queue.list', search)) as QueuePage, await bare.search(SEARCH, LIMIT));
    Object.assign(
      out,
      ratioFigures(
        label(`name search "${SEARCH}"`),
        await interleaved(
          samples,
          () => api('queue.list', search),
          () => bare.search(SEARCH, LIMIT),
        ),
      ),
    );
  }
  return out;
}
