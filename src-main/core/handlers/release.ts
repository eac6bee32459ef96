import type { releaseContract } from '../../../src-shared/contracts/release';
import { readyToRelease, releaseDecisions, saveReleaseFeedback } from '../../services/panels/release';
import type { HandlerDeps, HandlersFor } from './types';

export function releaseHandlers({ ctx, actor }: HandlerDeps): HandlersFor<typeof releaseContract> {
  return {
    'release.list': async ({ portfolioId }, caller) => readyToRelease(ctx, await actor(caller), portfolioId),
    'release.saveFeedback': async ({ portfolioId, feedback, feedbackVersion }, caller) =>
      saveReleaseFeedback(ctx, portfolioId, feedback, await actor(caller), feedbackVersion),
    'release.release': async (input, caller) => releaseDecisions(ctx, input, await actor(caller)),
  };
}
