import type { creditContract } from '../../../src-shared/contracts/credit';
import type { HandlerDeps, HandlersFor } from './types';

export function creditHandlers(_deps: HandlerDeps): HandlersFor<typeof creditContract> {
  return {};
}
