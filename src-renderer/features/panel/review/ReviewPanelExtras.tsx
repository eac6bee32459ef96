import type { Anchor } from '../../../../src-shared/contracts/anchors';
import type { AttemptHistory } from '../../../../src-shared/contracts/panels';
import type { ReviewState } from '../../../../src-shared/contracts/review';
import type { Rubric } from '../../../../src-shared/domain/rubric';
import { AttemptHistoryPanel } from './AttemptHistoryPanel';
import { PeerReviews } from './PeerReviews';

interface Props {
  rubric: Rubric;
  state: ReviewState;
  credential: string;
  history: AttemptHistory | null;
  evidenceTitle(id: string): string;
  onOpenAnchor(anchor: Anchor): void;
}

/** What a panel adds to the reviewer's rubric panel: the other reviews (blind until submitted) and a resubmission's history. */
export function ReviewPanelExtras(p: Props) {
  return (
    <>
      <PeerReviews rubric={p.rubric} state={p.state} credential={p.credential} evidenceTitle={p.evidenceTitle} onOpenAnchor={p.onOpenAnchor} />
      <AttemptHistoryPanel history={p.history} rubric={p.rubric} />
    </>
  );
}
