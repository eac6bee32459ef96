export const MODERATION_STATUS: Record<'open' | 'third_review' | 'resolved', { label: string; color: string }> = {
  open: { label: 'Awaiting moderator', color: 'orange' },
  third_review: { label: 'Third review', color: 'violet' },
  resolved: { label: 'Resolved', color: 'teal' },
};
