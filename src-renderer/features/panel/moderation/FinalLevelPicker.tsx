import { forwardRef } from 'react';
import { Badge, Group, Text, Textarea, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { Criterion } from '../../../../src-shared/domain/rubric';
import classes from './moderation.module.css';
import { levelKeyHandler } from '../../review/levelKeys';

interface Props {
  criterion: Criterion;
  level: number | undefined;
  comment: string;
  /** Which reviews chose each score, e.g. { 2: ['A'], 4: ['B'] }. */
  marks: Record<number, string[]>;
  readOnly: boolean;
  onLevel(score: number): void;
  onComment(text: string): void;
  onMove(delta: -1 | 1): void;
}

/**
 * The moderator's final level on one criterion, keyboard-first like the reviewer's criterion card: with it focused,
 * 1..n picks a level and ↑/↓ move to the previous or next criterion. The reviewers' picks are marked on the scale.
 */
export const FinalLevelPicker = forwardRef<HTMLElement, Props>(function FinalLevelPicker(p, ref) {
  const titleId = `final-${p.criterion.id}-title`;
  const onKeyDown = levelKeyHandler({ criterion: p.criterion, readOnly: p.readOnly, onLevel: p.onLevel, onMove: p.onMove });
  return (
    <section
      ref={ref}
      tabIndex={0}
      className={classes.picker}
      aria-labelledby={titleId}
      data-final={p.criterion.id}
      data-testid={`final-${p.criterion.id}`}
      onKeyDown={onKeyDown}
    >
      <Text id={titleId} size="xs" fw={700} c="teal.9">
        Final level<VisuallyHidden> for {p.criterion.title}</VisuallyHidden>
      </Text>
      <div role="radiogroup" aria-labelledby={titleId} className={classes.levels}>
        {p.criterion.levels.map((l, i) => {
          const checked = p.level === l.score;
          const marks = p.marks[l.score] ?? [];
          return (
            <Tooltip key={l.score} label={l.descriptor} multiline w={280} openDelay={400} withinPortal>
              <UnstyledButton
                role="radio"
                aria-checked={checked}
                aria-label={`${i + 1} ${l.label}${marks.length ? `, chosen by reviewer ${marks.join(' and ')}` : ''}`}
                tabIndex={-1}
                disabled={p.readOnly}
                className={classes.level}
                data-checked={checked || undefined}
                onClick={() => p.onLevel(l.score)}
              >
                <Group gap={4} wrap="nowrap" justify="space-between">
                  <Text size="xs" fw={700} truncate>
                    <kbd className={classes.key}>{i + 1}</kbd> {l.label}
                  </Text>
                  {marks.length > 0 && (
                    <Group gap={2} wrap="nowrap" aria-hidden>
                      {marks.map((m) => (
                        <Badge key={m} size="xs" circle variant="filled" color="gray.7">
                          {m}
                        </Badge>
                      ))}
                    </Group>
                  )}
                </Group>
              </UnstyledButton>
            </Tooltip>
          );
        })}
      </div>
      <Textarea
        mt={6}
        size="xs"
        autosize
        minRows={1}
        maxRows={6}
        placeholder={p.readOnly ? '' : 'Comment for the decision (optional)'}
        aria-label={`Final comment on ${p.criterion.title}`}
        value={p.comment}
        readOnly={p.readOnly}
        onChange={(e) => p.onComment(e.currentTarget.value)}
      />
    </section>
  );
});
