import { ApiError } from '../../../src-shared/contracts/errors';
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
    'panel.dashboard': (_, caller) => {
      requireRole(actor(caller), 'lead', 'admin', 'moderator');
      return panelDashboard(ctx);
    },
    'panel.setOverdueDays': ({ days }, caller) => {
      setOverdueDays(ctx, days, actor(caller));
      return {};
    },
    'policy.get': ({ credential }) => ({ current: currentPolicy(ctx, credential), versions: policyVersions(ctx, credential) }),
    'policy.set': ({ credential, policy, changeNote }, caller) => setPolicy(ctx, credential, policy, actor(caller), changeNote),
    'reviewers.update': ({ id, patch }, caller) => updateReviewer(ctx, id, patch, actor(caller)),
    'reviewers.importCsv': ({ csv, updateExisting }, caller) => {
      try {
        return importReviewers(ctx, csv, actor(caller), { updateExisting });
      } catch (err) {
        if (err instanceof ReviewerCsvError) throw new ApiError('bad_request', 'reviewers file refused, nothing was imported', err.problems.map((p) => `line ${p.line}: ${p.reason}`));
        throw err;
      }
    },
    'conflicts.list': (_, caller) => {
      requireRole(actor(caller), 'lead', 'admin');
      return listConflicts(ctx);
    },
    'conflicts.declare': ({ reviewerId, candidateId, reason }, caller) => {
      declareConflict(ctx, reviewerId, candidateId, reason, actor(caller));
      return {};
    },
    'assignments.allocate': (_, caller) => allocateAll(ctx, actor(caller)),
    'assignments.list': ({ reviewer }, caller) => {
      const me = actor(caller);
      if (reviewer !== me.id) requireRole(me, 'lead', 'admin', 'moderator');
      return listAssignments(ctx, { reviewer });
    },
    'assignments.mine': (_, caller) => {
      const me = actor(caller);
      const anon = new Anonymizer(ctx, me);
      return listAssignments(ctx, { reviewer: me.id })
        .filter((a) => a.status === 'assigned')
        .map((a) => ({ assignment: a, row: anon.row(portfolioRow(ctx, a.portfolio)!) }));
    },
    'assignments.claimNext': (_, caller) => ({ id: claimNext(ctx, actor(caller)) }),
    'assignments.reassign': ({ portfolioId, from, to }, caller) => {
      const a = reassign(ctx, portfolioId, from, to, actor(caller));
      return { portfolio: a.portfolioId, reviewer: a.reviewerId, status: a.status, reason: a.reason, assignedAt: a.assignedAt };
    },
    'moderation.list': ({ includeResolved }, caller) => {
      const me = actor(caller);
      requireRole(me, 'moderator', 'lead', 'admin');
      const anon = new Anonymizer(ctx, me);
      return moderationQueue(ctx, includeResolved).map((m) => ({ ...m, row: anon.row(m.row) }));
    },
    'moderation.get': ({ portfolioId }, caller) => moderationCase(ctx, portfolioId, actor(caller)),
    'moderation.decide': (input, caller) => moderate(ctx, input, actor(caller)),
    'moderation.thirdReview': ({ portfolioId, note }, caller) => {
      requestThirdReview(ctx, portfolioId, note, actor(caller));
      return {};
    },
    'portfolio.history': ({ id }, caller) => {
      const me = actor(caller);
      const history = attemptHistory(ctx, id);
      // Earlier attempts' evidence, as this viewer gets the current one (names withheld, PDFs without metadata).
      const credential = portfolioRow(ctx, id)!.credential.code;
      const anon = new Anonymizer(ctx, me);
      return {
        ...history,
        attempts: history.attempts.map((a) => ({ ...a, evidence: anon.evidence(credential, a.id, a.evidence) })),
        removed: history.removed.length ? anon.evidence(credential, history.attempts.at(-2)!.id, history.removed) : [],
      };
    },
    'portfolio.return': ({ id }, caller) => {
      returnToCandidate(ctx, id, actor(caller));
      return {};
    },
  };
}
