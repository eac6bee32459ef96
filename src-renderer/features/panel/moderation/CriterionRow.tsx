import { forwardRef } from 'react';
import { Badge, Group, Text } from '@mantine/core';
import type { Anchor } from '../../../../src-shared/contracts/anchors';
import type { ReviewView } from '../../../../src-shared/contracts/review';
import type { Criterion } from '../../../../src-shared/domain/rubric';
import { AGREEMENT_BADGE, criterionAgreement, emphasisOf, reviewLetter } from '../compare/agreement';
import { ReviewCell } from '../compare/ReviewCell';
import compare from '../compare/compare.module.css';
import classes from './moderation.module.css';
import { FinalLevelPicker } from './FinalLevelPicker';

interface Props {
  criterion: Criterion;
  index: number;
  reviews: ReviewView[];
  tolerance: number;
  level: number | undefined;
  comment: string;
  readOnly: boolean;
  evidenceTitle(id: string): string;
  onOpenAnchor(anchor: Anchor): void;
  onLevel(score: number): void;
  onComment(text: string): void;
  onMove(delta: -1 | 1): void;
}

/** One criterion across the reviews, differences highlighted, with the moderator's final level at the end of the row. */
export const CriterionRow = forwardRef<HTMLElement, Props>(function CriterionRow(p, ref) {
  const scores = p.reviews.map((r) => r.levels[p.criterion.id]);
  const agreement = criterionAgreement(scores, p.tolerance);
  const marks: Record<number, string[]> = {};
  scores.forEach((s, i) => {
    if (typeof s === 'number') (marks[s] ??= []).push(reviewLetter(i));
  });
  const badge = AGREEMENT_BADGE[agreement.kind];
  return (
    <div className={compare.row} data-agreement={agreement.kind} data-testid={`compare-${p.criterion.id}`} role="group" aria-label={`${p.criterion.title}: ${badge.label(agreement.spread)}`}>
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Text fw={700} size="sm">
          {p.index + 1}. {p.criterion.title}
          {p.criterion.critical && (
            <Badge ml={6} size="xs" color="red" variant="light">
              critical
            </Badge>
          )}
        </Text>
        <Badge color={badge.color} variant={agreement.kind === 'apart' ? 'filled' : 'light'} tt="none" data-testid="agreement">
          {badge.label(agreement.spread)}
        </Badge>
      </Group>
      <div className={classes.grid} style={{ gridTemplateColumns: `repeat(${p.reviews.length}, minmax(0, 1fr)) minmax(260px, 1.15fr)` }}>
        {p.reviews.map((r, i) => {
          const emphasis = emphasisOf(scores, scores[i], agreement.kind);
          return (
            <ReviewCell
              key={r.id}
              review={r}
              letter={reviewLetter(i)}
              criterion={p.criterion}
              emphasis={emphasis}
              evidenceTitle={p.evidenceTitle}
              onOpenAnchor={p.onOpenAnchor}
              onUseComment={p.readOnly ? undefined : p.onComment}
            />
          );
        })}
        <FinalLevelPicker
          ref={ref}
          criterion={p.criterion}
          level={p.level}
          comment={p.comment}
          marks={marks}
          readOnly={p.readOnly}
          onLevel={p.onLevel}
          onComment={p.onComment}
          onMove={p.onMove}
        />
      </div>
    </div>
  );
});
