import type { AttemptHistory } from '../../../../src-shared/contracts/panels';
import type { EvidenceView, PortfolioDetail } from '../../../../src-shared/contracts/portfolio';
import { useApiQuery } from '../../../api/queries';

const EARLIER = 'earlier:';

/** The attempt history of a resubmission (null for a first attempt, or while loading). */
export function useAttemptHistory(portfolio: PortfolioDetail): AttemptHistory | null {
  const resubmission = portfolio.attempt > 1 || Boolean(portfolio.resubmissionOf);
  const history = useApiQuery('portfolio.history', { id: portfolio.id }, { enabled: resubmission, staleTime: 60_000 });
  return resubmission ? (history.data ?? null) : null;
}

/** Selection ids of an earlier attempt's evidence in the evidence pane: "earlier:<portfolio>:<evidence>". */
export const earlierId = (attemptId: string, evidenceId: string) => `${EARLIER}${attemptId}:${evidenceId}`;
export const isEarlierId = (id: string) => id.startsWith(EARLIER);

export function earlierItem(history: AttemptHistory | null, id: string): EvidenceView | undefined {
  if (!history || !isEarlierId(id)) return undefined;
  const [attemptId, evidenceId] = id.slice(EARLIER.length).split(':');
  return history.attempts.find((a) => a.id === attemptId)?.evidence.find((e) => e.id === evidenceId);
}
