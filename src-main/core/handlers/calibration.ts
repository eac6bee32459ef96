import type { calibrationContract } from '../../../src-shared/contracts/calibration';
import type { HandlerDeps, HandlersFor } from './types';

export function calibrationHandlers(_deps: HandlerDeps): HandlersFor<typeof calibrationContract> {
  return {};
}
