import { ApiError } from '../../../src-shared/contracts/errors';
import { mapInOrder } from '../../services/in-order';
import type { panelsContract } from '../../../src-shared/contracts/panels';
import { allocateAll, claimNext, listAssignments, reassign } from '../../services/panels/assignments';
import { moderate, moderationCase, moderationQueue, requestThirdReview } from '../../services/panels/moderation';
import { currentPolicy, policyVersions, setPolicy } from '../../services/panels/policies';
import { declareConflict, listConflicts } from '../../services/panels/conflicts';
import { importReviewers, ReviewerCsvError } from '../../services/panels/reviewer-import';
import { attemptHistory, returnToCandidate } from '../../services/panels/history';
import { panelDashboard } from '../../services/panels/dashboard';
import { setOverdueDays } from '../../services/panels/settings';
import { Anonymizer } from '../../services/panels/anonymity';
import { portfolioRow } from '../../services/queue';
import { requireRole, updateReviewer } from '../../services/reviewers';
import type { HandlerDeps, HandlersFor } from './types';

export function panelsHandlers({ ctx, actor }: HandlerDeps): HandlersFor<typeof panelsContract> {
  return {
    'panel.dashboard': async (_, caller) => {
      requireRole(await actor(caller), 'lead', 'admin', 'moderator');
      return await panelDashboard(ctx);
    },
    'panel.setOverdueDays': async ({ days }, caller) => {
      await setOverdueDays(ctx, days, await actor(caller));
      return {};
    },
    'policy.get': async ({ credential }) => ({ current: await currentPolicy(ctx, credential), versions: await policyVersions(ctx, credential) }),
    'policy.set': async ({ credential, policy, changeNote }, caller) => setPolicy(ctx, credential, policy, await actor(caller), changeNote),
    'reviewers.update': async ({ id, patch }, caller) => updateReviewer(ctx, id, patch, await actor(caller)),
    'reviewers.importCsv': async ({ csv, updateExisting }, caller) => {
      try {
        return await importReviewers(ctx, csv, await actor(caller), { updateExisting });
      } catch (err) {
        if (err instanceof ReviewerCsvError)
          throw new ApiError(
            'bad_request',
            'reviewers file refused, nothing was imported',
            err.problems.map((p) => `line ${p.line}: ${p.reason}`),
          );
        throw err;
      }
    },
    'conflicts.list': async (_, caller) => {
      requireRole(await actor(caller), 'lead', 'admin');
      return await listConflicts(ctx);
    },
    'conflicts.declare': async ({ reviewerId, candidateId, reason }, caller) => {
      await declareConflict(ctx, reviewerId, candidateId, reason, await actor(caller));
      return {};
    },
    'assignments.allocate': async (_, caller) => allocateAll(ctx, await actor(caller)),
    'assignments.list': async ({ reviewer }, caller) => {
      const me = await actor(caller);
      if (reviewer !== me.id) requireRole(me, 'lead', 'admin', 'moderator');
      return await listAssignments(ctx, { reviewer });
    },
    'assignments.mine': async (_, caller) => {
      const me = await actor(caller);
      const anon = new Anonymizer(ctx, me);
      return await mapInOrder(
        (await listAssignments(ctx, { reviewer: me.id })).filter((a) => a.status === 'assigned'),
        async (a) => ({ assignment: a, row: await anon.row((await portfolioRow(ctx, a.portfolio))!) }),
      );
    },
    'assignments.claimNext': async (_, caller) => ({ id: await claimNext(ctx, await actor(caller)) }),
    'assignments.reassign': async ({ portfolioId, from, to }, caller) => {
      const a = await reassign(ctx, portfolioId, from, to, await actor(caller));
      return { portfolio: a.portfolioId, reviewer: a.reviewerId, status: a.status, reason: a.reason, assignedAt: a.assignedAt };
    },
    'moderation.list': async ({ includeResolved }, caller) => {
      const me = await actor(caller);
      requireRole(me, 'moderator', 'lead', 'admin');
      const anon = new Anonymizer(ctx, me);
      return await mapInOrder(await moderationQueue(ctx, includeResolved), async (m) => ({ ...m, row: await anon.row(m.row) }));
    },
    'moderation.get': async ({ portfolioId }, caller) => moderationCase(ctx, portfolioId, await actor(caller)),
    'moderation.decide': async (input, caller) => moderate(ctx, input, await actor(caller)),
    'moderation.thirdReview': async ({ portfolioId, note, revision }, caller) => {
      await requestThirdReview(ctx, portfolioId, note, await actor(caller), revision);
      return {};
    },
    'portfolio.history': async ({ id }, caller) => {
      const me = await actor(caller);
      const history = await attemptHistory(ctx, id);
      // Earlier attempts' evidence, as this viewer gets the current one (names withheld, PDFs without metadata).
      const credential = (await portfolioRow(ctx, id))!.credential.code;
      const anon = new Anonymizer(ctx, me);
      return {
        ...history,
        attempts: await mapInOrder(history.attempts, async (a) => ({ ...a, evidence: await anon.evidence(credential, a.id, a.evidence) })),
        removed: history.removed.length ? await anon.evidence(credential, history.attempts.at(-2)!.id, history.removed) : [],
      };
    },
    'portfolio.return': async ({ id }, caller) => {
      await returnToCandidate(ctx, id, await actor(caller));
      return {};
    },
  };
}
