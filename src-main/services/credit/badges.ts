import { ApiError } from '../../../src-shared/contracts/errors';
import type { ExportFile } from '../../../src-shared/contracts/exports';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import type { ServiceContext } from '../context';
import { canView } from './access';

export interface BadgeCheck {
  ok: boolean;
  problems: string[];
  achievement: string | null;
  issuer: string | null;
  validFrom: string | null;
}

/** An Open Badges 3.0 credential for a passed micro-credential (waiting for src-main/badges). */
export async function exportPortfolioBadge(_ctx: ServiceContext, _portfolioId: string, actor: Reviewer): Promise<ExportFile> {
  canView(actor);
  throw new ApiError('internal', 'Open Badges export is not available yet');
}

export async function verifyBadgeFile(_ctx: ServiceContext, _content: string): Promise<BadgeCheck> {
  throw new ApiError('internal', 'Open Badges verification is not available yet');
}
