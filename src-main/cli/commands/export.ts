import path from 'node:path';
import { STATUSES, type Status } from '../../../src-shared/domain/status';
import { exportDecisions } from '../../services/export/decisions';
import { writeFileAtomic } from '../../services/files';
import type { Command } from '../command';
import { UsageError } from '../command';
import { cliActor } from '../../services/reviewers';

export const exportCommand: Command = {
  words: ['export'],
  usage: 'export --format csv|json --out FILE [--status S]... [--credential C] [--district D] [--search T] [--portfolio ID]...',
  summary: 'Export decisions (all, or a filtered set) to CSV or JSON; marks them exported. As a reviewer (--actor ID): their own reviews.',
  flags: {
    format: { type: 'string' },
    out: { type: 'string' },
    status: { type: 'string', multiple: true },
    credential: { type: 'string' },
    district: { type: 'string' },
    search: { type: 'string' },
    portfolio: { type: 'string', multiple: true },
  },
  async run({ flags, open, io, actor }) {
    const format = flags.format;
    if (format !== 'csv' && format !== 'json') throw new UsageError('--format must be csv or json');
    if (typeof flags.out !== 'string') throw new UsageError('--out FILE is required');
    const status = (flags.status as string[] | undefined) ?? [];
    for (const s of status) if (!STATUSES.includes(s as Status)) throw new UsageError(`unknown status "${s}"`);
    const ctx = await open();
    const file = await exportDecisions(
      ctx,
      format,
      {
        status: status.length ? (status as Status[]) : undefined,
        credential: flags.credential as string | undefined,
        district: flags.district as string | undefined,
        search: flags.search as string | undefined,
        portfolioIds: flags.portfolio as string[] | undefined,
      },
      await cliActor(ctx, actor),
    );
    const out = path.resolve(flags.out);
    writeFileAtomic(out, file.content);
    if (flags.json) io.out(JSON.stringify({ file: out, count: file.count, format }));
    else io.out(`exported ${file.count} decisions to ${out}`);
    return 0;
  },
};
