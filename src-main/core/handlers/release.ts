import type { releaseContract } from '../../../src-shared/contracts/release';
import { readyToRelease, releaseDecisions, saveReleaseFeedback } from '../../services/panels/release';
import type { HandlerDeps, HandlersFor } from './types';

export function releaseHandlers({ ctx, actor }: HandlerDeps): HandlersFor<typeof releaseContract> {
  return {
    'release.list': ({ portfolioId }, caller) => readyToRelease(ctx, actor(caller), portfolioId),
    'release.saveFeedback': ({ portfolioId, feedback }, caller) => saveReleaseFeedback(ctx, portfolioId, feedback, actor(caller)),
    'release.release': (input, caller) => releaseDecisions(ctx, input, actor(caller)),
  };
}
