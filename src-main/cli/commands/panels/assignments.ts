import { allocateAll, listAssignments } from '../../../services/panels/assignments';
import { moderationQueue } from '../../../services/panels/moderation';
import { systemActor } from '../../../services/reviewers';
import type { Command } from '../../command';

export const allocateCommand: Command = {
  words: ['allocate'],
  usage: 'allocate [--json]',
  summary: 'Allocate reviewers to every portfolio that lacks them; prints what was assigned and what could not be.',
  async run({ open, io, flags, actor }) {
    const r = await allocateAll(await open(), systemActor(actor));
    if (flags.json) io.out(JSON.stringify(r, null, 2));
    else {
      for (const a of r.assigned) io.out(`assigned\t${a.portfolio}\t${a.reviewer}`);
      for (const u of r.unallocated) io.out(`unallocated\t${u.portfolio}\t${u.reason}`);
      io.out(`${r.assigned.length} assignments made, ${r.unallocated.length} portfolios could not be allocated`);
    }
    return 0;
  },
};

export const assignmentsCommand: Command = {
  words: ['assignments'],
  usage: 'assignments [--reviewer ID] [--json]',
  summary: 'List assignments in force: {portfolio, reviewer, status}.',
  flags: { reviewer: { type: 'string' } },
  async run({ open, io, flags }) {
    const rows = await listAssignments(await open(), { reviewer: flags.reviewer as string | undefined });
    if (flags.json)
      io.out(
        JSON.stringify(
          rows.map((a) => ({ portfolio: a.portfolio, reviewer: a.reviewer, status: a.status, reason: a.reason, assigned_at: a.assignedAt })),
          null,
          2,
        ),
      );
    else for (const a of rows) io.out([a.portfolio, a.reviewer, a.status, a.reason].join('\t'));
    return 0;
  },
};

export const moderationCommand: Command = {
  words: ['moderation'],
  usage: 'moderation [--all] [--json]',
  summary: 'The moderation queue: portfolios whose reviews disagree, with the reason.',
  flags: { all: { type: 'boolean' } },
  async run({ open, io, flags }) {
    const rows = await moderationQueue(await open(), Boolean(flags.all));
    if (flags.json)
      io.out(
        JSON.stringify(
          rows.map((m) => ({ portfolio: m.portfolio, status: m.status, reason: m.reason, opened_at: m.openedAt, credential: m.row.credential.code })),
          null,
          2,
        ),
      );
    else for (const m of rows) io.out([m.portfolio, m.status, m.reason].join('\t'));
    return 0;
  },
};
