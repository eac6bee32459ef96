import type { AnchorTarget } from '../../../src-shared/contracts/anchors';
import type { EvidenceView } from '../../../src-shared/contracts/portfolio';

/** What the rubric panel asks of whichever viewer is showing: where are we (to cite), and go there (to follow a citation). */
export interface EvidenceViewerHandle {
  /** The current PDF page (with the selected text, if any) or video time (with the marked range, if any); null if nothing is loaded. */
  currentTarget(): AnchorTarget | null;
  goTo(target: AnchorTarget): void;
}

export interface EvidenceViewerProps {
  item: EvidenceView;
  /** Resolves a blob hash to a URL of the current transport (HTTP or the Electron evidence protocol). */
  urlFor(sha256: string): string;
  /** Where to open at first (e.g. from a clicked anchor). */
  initialTarget?: AnchorTarget;
}
