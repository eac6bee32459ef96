import { MODERATION_STATUS_LABEL } from '../../../../src-shared/domain/status';

export const MODERATION_STATUS: Record<'open' | 'third_review' | 'resolved', { label: string; color: string }> = {
  open: { label: MODERATION_STATUS_LABEL.open, color: 'orange' },
  third_review: { label: MODERATION_STATUS_LABEL.third_review, color: 'violet' },
  resolved: { label: MODERATION_STATUS_LABEL.resolved, color: 'teal' },
};
