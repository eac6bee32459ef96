import { ZodError } from 'zod';
import { contract, isMethod, type Method, type Output, type ParsedInput } from '../../src-shared/contracts';
import { ApiError } from '../../src-shared/contracts/errors';
import type { AppInfo } from '../../src-shared/contracts/app';
import type { ServiceContext } from '../services/context';
import { ImportError, formatProblem } from '../services/import/problems';
import { ExistingRecordsError } from '../services/import/existing';
import { listQueue, queueFacets, statusCounts } from '../services/queue';
import { getPortfolio } from '../services/portfolios';
import { createReviewer, getReviewer, listReviewers, requireActor } from '../services/reviewers';
import { addAnchor, nextPortfolio, openReview, removeAnchor, saveDraft, startReview, submitReview } from '../services/reviews';
import { correctDecision } from '../services/decisions';
import { exportDecisions } from '../services/export/decisions';
import { feedbackPdf } from '../services/export/feedback-pdf';
import { getPref, setPref } from '../services/prefs';
import { Anonymizer } from '../services/panels/anonymity';
import { peerReviews } from '../services/panels/peers';
import type { Caller, HandlerDeps } from './handlers/types';
import { panelsHandlers } from './handlers/panels';
import { calibrationHandlers } from './handlers/calibration';
import { creditHandlers } from './handlers/credit';
import { releaseHandlers } from './handlers/release';

type Handler<M extends Method> = (input: ParsedInput<M>, caller: Caller) => Output<M> | Promise<Output<M>>;
export type Handlers = { [M in Method]: Handler<M> };
export type { Caller };

export interface Core {
  ctx: ServiceContext;
  handle(method: unknown, input: unknown, caller: Caller): Promise<unknown>;
}

function createHandlers(ctx: ServiceContext, info: Omit<AppInfo, 'dataDir'>): Handlers {
  const actor = (caller: Caller) => requireActor(ctx, caller.actor);
  /** Who is looking, for queries that leave out what the viewer may not see (null: no profile, sees no identity). */
  const viewer = async (caller: Caller) => (caller.actor ? await getReviewer(ctx, caller.actor) : null);
  const deps: HandlerDeps = { ctx, actor };
  return {
    ...panelsHandlers(deps),
    ...calibrationHandlers(deps),
    ...creditHandlers(deps),
    ...releaseHandlers(deps),
    'app.info': () => ({ ...info, dataDir: ctx.dataDir }),
    'queue.list': async (input, caller) => listQueue(ctx, input, await viewer(caller)),
    'queue.counts': () => statusCounts(ctx),
    'queue.facets': async (_, caller) => queueFacets(ctx, await viewer(caller)),
    'portfolio.get': async ({ id }, caller) => new Anonymizer(ctx, await viewer(caller)).detail(await getPortfolio(ctx, id)),
    'reviewers.list': () => listReviewers(ctx),
    'reviewers.create': async (input, caller) => createReviewer(ctx, input, caller.actor ? await actor(caller) : null),
    'reviewers.me': async (_, caller) => (caller.actor ? await getReviewer(ctx, caller.actor) : null),
    'review.open': async ({ portfolioId }, caller) => openReview(ctx, portfolioId, await actor(caller)),
    'review.start': async ({ portfolioId }, caller) => startReview(ctx, portfolioId, await actor(caller)),
    'review.save': async (input, caller) => saveDraft(ctx, input, await actor(caller)),
    'review.addAnchor': async (input, caller) => addAnchor(ctx, input, await actor(caller)),
    'review.removeAnchor': async ({ reviewId, anchorId }, caller) => {
      await removeAnchor(ctx, reviewId, anchorId, await actor(caller));
      return {};
    },
    'review.submit': async ({ reviewId, activeMsDelta, revision }, caller) => ({
      state: await submitReview(ctx, reviewId, activeMsDelta, await actor(caller), revision),
    }),
    'review.peers': async ({ portfolioId }, caller) => peerReviews(ctx, portfolioId, await actor(caller)),
    'decision.correct': async (input, caller) => correctDecision(ctx, input, await actor(caller)),
    'queue.next': async ({ after }, caller) => ({ id: await nextPortfolio(ctx, after, await actor(caller)) }),
    'export.decisions': async ({ format, filter }, caller) => exportDecisions(ctx, format, filter, await actor(caller)),
    'export.feedbackPdf': async ({ portfolioId }, caller) => feedbackPdf(ctx, portfolioId, await actor(caller)),
    'prefs.get': async ({ key }, caller) => ({ value: await getPref(ctx, (await actor(caller)).id, key) }),
    'prefs.set': async ({ key, value }, caller) => {
      await setPref(ctx, (await actor(caller)).id, key, value);
      return {};
    },
  };
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  // The preview the app shows before a lead confirms: every change, in words and as data.
  if (err instanceof ExistingRecordsError)
    return new ApiError(
      'conflict',
      `nothing was imported: ${err.summary}; a lead or admin confirms to apply them`,
      err.problems.map(formatProblem),
      err.changes,
    );
  if (err instanceof ImportError) return new ApiError('bad_request', err.message.split('\n')[0]!, err.problems.map(formatProblem));
  if (err instanceof ZodError)
    return new ApiError(
      'bad_request',
      'invalid request',
      err.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`),
    );
  return new ApiError('internal', 'internal error');
}

/** The core both shells wrap: validates every request against the contract, then runs the one implementation. */
export function createCore(ctx: ServiceContext, info: Omit<AppInfo, 'dataDir'>): Core {
  const handlers = createHandlers(ctx, info);
  return {
    ctx,
    async handle(method, input, caller) {
      if (!isMethod(method)) throw new ApiError('not_found', `unknown method ${String(method).slice(0, 80)}`);
      const parsed = contract[method].input.safeParse(input ?? {});
      if (!parsed.success) throw toApiError(parsed.error);
      const handler = handlers[method] as (input: unknown, caller: Caller) => unknown;
      try {
        return await handler(parsed.data, caller);
      } catch (err) {
        const apiError = toApiError(err);
        if (apiError.code === 'internal') console.error(`[core] ${method} failed:`, err);
        throw apiError;
      }
    },
  };
}
