import fs from 'node:fs';
import { OUTCOME_LABEL } from '../../../../src-shared/domain/rubric';
import { readyToRelease, releaseDecisions } from '../../../services/panels/release';
import { systemActor } from '../../../services/reviewers';
import { UsageError, type Command } from '../../command';

export const releaseListCommand: Command = {
  words: ['release', 'list'],
  usage: 'release list [--json]',
  summary: 'Reconciled decisions ready to release: portfolio, outcome, the reviews they came from, merged feedback.',
  async run({ open, io, flags, actor }) {
    const items = await readyToRelease(await open(), systemActor(actor));
    if (flags.json)
      io.out(
        JSON.stringify(
          items.map((i) => ({
            portfolio: i.portfolio,
            credential: i.row.credential.code,
            outcome: i.decision.outcome,
            total: i.decision.total,
            reconciled_at: i.decision.decidedAt,
            sources: i.decision.sources.map((s) => ({ review: s.reviewId, reviewer: s.reviewerId })),
            feedback: i.decision.feedback,
          })),
          null,
          2,
        ),
      );
    else {
      for (const i of items)
        io.out(
          [i.portfolio, OUTCOME_LABEL[i.decision.outcome], `from ${i.decision.sources.map((s) => `#${s.reviewId} ${s.reviewerId}`).join(', ')}`].join('\t'),
        );
      io.out(`${items.length} ready to release`);
    }
    return 0;
  },
};

export const releaseCommand: Command = {
  words: ['release'],
  usage: 'release (PORTFOLIO... | --all) [--feedback-file FILE] [--confirm] [--json]',
  summary: 'Lead: release reconciled decisions (all or nothing); --feedback-file replaces the merged feedback of the one portfolio named.',
  flags: { all: { type: 'boolean' }, 'feedback-file': { type: 'string' }, confirm: { type: 'boolean' } },
  async run({ args, open, io, flags, actor }) {
    const feedbackFile = flags['feedback-file'] as string | undefined;
    if (flags.all && args.length) throw new UsageError('name portfolios or give --all, not both');
    if (!flags.all && !args.length) throw new UsageError('release needs the portfolios to release (or --all)');
    if (feedbackFile && args.length !== 1) throw new UsageError('--feedback-file goes with exactly one portfolio');
    let feedback: string | undefined;
    if (feedbackFile) {
      try {
        feedback = fs.readFileSync(feedbackFile, 'utf8');
      } catch {
        throw new UsageError(`cannot read the feedback file ${feedbackFile}`);
      }
    }
    const ctx = await open();
    const who = systemActor(actor);
    const ids = flags.all ? (await readyToRelease(ctx, who)).map((i) => i.portfolio) : args;
    if (!ids.length) {
      io.out('nothing is ready to release');
      return 0;
    }
    const r = await releaseDecisions(
      ctx,
      { items: ids.map((portfolioId) => ({ portfolioId, ...(feedback !== undefined ? { feedback } : {}) })), confirm: Boolean(flags.confirm) },
      who,
    );
    if (flags.json) io.out(JSON.stringify(r, null, 2));
    else io.out(`released ${r.released.length} decision${r.released.length === 1 ? '' : 's'}: ${r.released.join(', ')}`);
    return 0;
  },
};
