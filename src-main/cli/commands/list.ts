import { STATUS_LABEL, STATUSES, type Status } from '../../../src-shared/domain/status';
import { listQueue } from '../../services/queue';
import { cliActor } from '../../services/reviewers';
import type { Command } from '../command';
import { UsageError } from '../command';

export const listCommand: Command = {
  words: ['list'],
  usage: 'list [--status S]... [--credential CODE] [--district D] [--search TEXT] [--json]',
  summary: 'List portfolios in the queue (every match, oldest submission first).',
  flags: {
    status: { type: 'string', multiple: true },
    credential: { type: 'string' },
    district: { type: 'string' },
    search: { type: 'string' },
  },
  async run({ flags, open, io, actor }) {
    const status = (flags.status as string[] | undefined) ?? [];
    for (const s of status) if (!STATUSES.includes(s as Status)) throw new UsageError(`unknown status "${s}" (one of ${STATUSES.join(', ')})`);
    const ctx = await open();
    const viewer = await cliActor(ctx, actor);
    const rows = [];
    for (let offset = 0; ; offset += 500) {
      const page = await listQueue(
        ctx,
        {
          status: status.length ? (status as Status[]) : undefined,
          credential: flags.credential as string | undefined,
          district: flags.district as string | undefined,
          search: flags.search as string | undefined,
          offset,
          limit: 500,
        },
        viewer,
      );
      rows.push(...page.rows);
      if (page.rows.length < 500) break;
    }
    if (flags.json) {
      io.out(
        JSON.stringify(
          rows.map((r) => ({
            id: r.id,
            status: r.status,
            outcome: r.outcome,
            attempt: r.attempt,
            credential: r.credential.code,
            candidate: r.candidate,
            submitted_at: r.submittedAt,
          })),
          null,
          2,
        ),
      );
    } else {
      for (const r of rows)
        io.out(
          [r.id, STATUS_LABEL[r.status], r.outcome ?? '-', `attempt ${r.attempt}`, r.credential.code, r.candidate.name, r.submittedAt.slice(0, 10)].join('\t'),
        );
    }
    return 0;
  },
};
