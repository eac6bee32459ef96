import { Badge, Button, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { describeTarget, type Anchor } from '../../../../src-shared/contracts/anchors';
import type { ReviewView } from '../../../../src-shared/contracts/review';
import type { Criterion } from '../../../../src-shared/domain/rubric';
import { levelText } from './agreement';
import classes from './compare.module.css';

interface Props {
  review: ReviewView;
  letter: string;
  criterion: Criterion;
  /** Highlight this review's level: it is the high or low end of a disagreement. */
  emphasis?: 'high' | 'low';
  evidenceTitle(id: string): string;
  onOpenAnchor?(anchor: Anchor): void;
  onUseComment?(text: string): void;
  label?: string;
}

/** One reviewer's level, comment and cited evidence on one criterion, read-only. */
export function ReviewCell({ review, letter, criterion, emphasis, evidenceTitle, onOpenAnchor, onUseComment, label }: Props) {
  const score = review.levels[criterion.id];
  const comment = review.comments[criterion.id]?.trim() ?? '';
  const anchors = review.anchors.filter((a) => a.criterionId === criterion.id);
  return (
    <Stack gap={4} className={classes.cell} data-emphasis={emphasis} data-testid={`cell-${criterion.id}-${letter}`}>
      <Group gap={6} wrap="nowrap" justify="space-between">
        <Text size="xs" c="dimmed" truncate>
          <b>{letter}</b> · {label ?? review.reviewerName}
        </Text>
      </Group>
      <Badge
        variant={emphasis ? 'filled' : 'light'}
        color={emphasis === 'high' ? 'indigo' : emphasis === 'low' ? 'orange' : 'gray'}
        size="lg"
        tt="none"
        radius="sm"
        className={classes.level}
        styles={{ root: { height: 'auto', minHeight: 26, paddingBlock: 3 }, label: { whiteSpace: 'normal', overflow: 'visible', lineHeight: 1.25 } }}
        data-testid="cell-level"
      >
        {levelText(criterion, score)}
      </Badge>
      {comment ? (
        <Text size="sm" className={classes.comment}>
          {comment}
        </Text>
      ) : (
        <Text size="xs" c="dimmed" fs="italic">
          No comment
        </Text>
      )}
      {anchors.length > 0 && (
        <Group gap={4} aria-label={`Evidence cited by ${letter}`}>
          {anchors.map((a) =>
            onOpenAnchor ? (
              <UnstyledButton
                key={a.id}
                className={classes.anchor}
                onClick={() => onOpenAnchor(a)}
                aria-label={`${describeTarget(a.target)} · ${evidenceTitle(a.evidenceId)} (cited by ${letter}): open the evidence there`}
                title={`${evidenceTitle(a.evidenceId)} · ${describeTarget(a.target)}`}
              >
                {describeTarget(a.target)} · {evidenceTitle(a.evidenceId)}
              </UnstyledButton>
            ) : (
              <Text key={a.id} size="xs" className={classes.anchor}>
                {describeTarget(a.target)} · {evidenceTitle(a.evidenceId)}
              </Text>
            ),
          )}
        </Group>
      )}
      {onUseComment && comment && (
        <Button size="compact-xs" variant="subtle" onClick={() => onUseComment(comment)} aria-label={`Use this comment (${letter}'s on ${criterion.title}) as the final comment`} w="fit-content">
          Use this comment
        </Button>
      )}
    </Stack>
  );
}
