import type { panelsContract } from '../../../src-shared/contracts/panels';
import type { HandlerDeps, HandlersFor } from './types';

export function panelsHandlers(_deps: HandlerDeps): HandlersFor<typeof panelsContract> {
  return {};
}
