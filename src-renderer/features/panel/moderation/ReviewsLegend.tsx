import { Badge, Group, Paper, Text, VisuallyHidden } from '@mantine/core';
import type { ReviewView } from '../../../../src-shared/contracts/review';
import { OUTCOME_LABEL } from '../../../../src-shared/domain/rubric';
import { reviewLetter } from '../compare/agreement';
import { day } from '../shared/format';

/** Who A, B (and C) are, with the outcome each arrived at. */
export function ReviewsLegend({ reviews }: { reviews: ReviewView[] }) {
  return (
    <Group gap="xs" data-testid="reviews-legend">
      {reviews.map((r, i) => (
        <Paper key={r.id} withBorder px="sm" py={6}>
          <Group gap={8} wrap="nowrap">
            <Badge circle color="gray.7" variant="filled" aria-hidden>
              {reviewLetter(i)}
            </Badge>
            <div>
              <Text size="sm" fw={600} lh={1.2}>
                <VisuallyHidden>Reviewer {reviewLetter(i)}: </VisuallyHidden>
                {r.reviewerName}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {r.outcome ? OUTCOME_LABEL[r.outcome] : 'no outcome'} · submitted {r.submittedAt ? day(r.submittedAt) : '—'}
              </Text>
            </div>
          </Group>
        </Paper>
      ))}
    </Group>
  );
}
