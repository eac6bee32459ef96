import { Alert, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Anchor } from '../../../../src-shared/contracts/anchors';
import type { ReviewState, ReviewView } from '../../../../src-shared/contracts/review';
import { OUTCOME_LABEL, type Rubric } from '../../../../src-shared/domain/rubric';
import { AGREEMENT_BADGE, criterionAgreement, emphasisOf, reviewLetter } from '../compare/agreement';
import { ReviewCell } from '../compare/ReviewCell';
import compare from '../compare/compare.module.css';
import classes from './review.module.css';
import { plural } from '../shared/format';
import { useApiQuery } from '../../../api/queries';

interface Props {
  rubric: Rubric;
  state: ReviewState;
  /** The credential, whose policy's tolerance decides what counts as "apart". */
  credential: string;
  evidenceTitle(id: string): string;
  onOpenAnchor(anchor: Anchor): void;
}

/**
 * Blind review in the reviewer's rubric panel. Until they submit, only that the other reviews exist and how far they
 * are; afterwards (or for a lead or moderator who is not reviewing it) the reviews side by side, read-only.
 */
export function PeerReviews({ rubric, state, credential, evidenceTitle, onOpenAnchor }: Props) {
  const own = state.review && state.review.kind === 'review' ? state.review : null;
  const policy = useApiQuery('policy.get', { credential }, { staleTime: 60_000 });
  const tolerance = policy.data?.current.tolerance ?? 1;
  if (state.peers.length === 0) return null;
  // A reviewer with a draft sees no content even if their roles would allow it (a moderator who also reviews).
  const blind = own ? own.status !== 'submitted' : !state.peerReviews;
  if (blind) {
    const submitted = state.peers.filter((p) => p.status === 'submitted').length;
    const drafting = state.peers.length - submitted;
    const parts = [submitted ? `${submitted} submitted` : null, drafting ? `${drafting} in progress` : null].filter(Boolean).join(', ');
    return (
      <Alert color="blue" variant="light" title="Blind review" data-testid="peer-status">
        <Text size="xs">
          {state.peers.length === 1 ? 'Another review of this portfolio exists' : `${plural(state.peers.length, 'other review')} of this portfolio exist`} ({parts}).
          {own || state.canStart ? ' Its scores stay hidden until you submit yours; then you can compare.' : ''}
        </Text>
        <Group gap={4} mt={4}>
          {state.peers.map((p, i) => (
            <Badge key={i} size="xs" variant="light" color={p.status === 'submitted' ? 'teal' : 'yellow'}>
              {p.status === 'submitted' ? 'submitted' : 'in progress'}
            </Badge>
          ))}
        </Group>
      </Alert>
    );
  }
  const others = (state.peerReviews ?? []).filter((r) => r.status === 'submitted');
  const reviews: { review: ReviewView; label: string }[] = [
    ...(own ? [{ review: own, label: 'You' }] : []),
    ...others.map((r) => ({ review: r, label: r.reviewerName })),
  ];
  if (others.length === 0)
    return (
      <Alert color="gray" variant="light" title="Compare" data-testid="peer-status">
        <Text size="xs">The other review is not submitted yet; the comparison opens when it is.</Text>
      </Alert>
    );
  return (
    <Paper withBorder p="xs" component="section" aria-labelledby="peer-compare-title" data-testid="peer-comparison">
      <Title order={3} size="h6" id="peer-compare-title">
        {own ? 'Your review beside the other' : 'The reviews side by side'} (read-only)
      </Title>
      <Group gap={6} my={4}>
        {reviews.map(({ review, label }, i) => (
          <Badge key={review.id} variant="light" color={review.outcome === 'pass' ? 'teal' : 'orange'} tt="none">
            {reviewLetter(i)} · {label}: {review.outcome ? OUTCOME_LABEL[review.outcome] : '—'}
          </Badge>
        ))}
      </Group>
      <Stack gap={6}>
        {rubric.criteria.map((c) => {
          const agreement = criterionAgreement(
            reviews.map(({ review }) => review.levels[c.id]),
            tolerance,
          );
          const badge = AGREEMENT_BADGE[agreement.kind];
          return (
            <div key={c.id} className={compare.row} data-agreement={agreement.kind} data-testid={`peer-${c.id}`}>
              <Group justify="space-between" mb={4} wrap="nowrap" gap={4}>
                <Text size="xs" fw={700}>
                  {c.title}
                </Text>
                <Badge size="xs" color={badge.color} variant="light" tt="none" style={{ flexShrink: 0 }}>
                  {badge.label(agreement.spread)}
                </Badge>
              </Group>
              <div className={classes.pair}>
                {reviews.map(({ review, label }, i) => (
                  <ReviewCell
                    key={review.id}
                    review={review}
                    letter={reviewLetter(i)}
                    label={label}
                    criterion={c}
                    emphasis={emphasisOf(reviews.map((r) => r.review.levels[c.id]), review.levels[c.id], agreement.kind)}
                    evidenceTitle={evidenceTitle}
                    onOpenAnchor={onOpenAnchor}
                  />
                ))}
              </div>
            </div>
          );
        })}
      </Stack>
    </Paper>
  );
}
