import { forwardRef, useState } from 'react';
import { ActionIcon, Badge, Button, Group, Text, Textarea, Tooltip, UnstyledButton } from '@mantine/core';
import { describeTarget, type Anchor } from '../../../src-shared/contracts/anchors';
import type { Criterion } from '../../../src-shared/domain/rubric';
import classes from './CriterionCard.module.css';
import { levelKeyHandler } from './levelKeys';

interface Props {
  criterion: Criterion;
  index: number;
  level: number | null | undefined;
  comment: string;
  anchors: Anchor[];
  evidenceTitle(id: string): string;
  readOnly: boolean;
  onLevel(score: number): void;
  onComment(text: string): void;
  onCite(): void;
  onOpenAnchor(anchor: Anchor): void;
  onRemoveAnchor(anchor: Anchor): void;
  onMove(delta: -1 | 1): void;
}

/**
 * One rubric criterion. Keyboard-first: with the card focused, 1..n picks a level, ↑/↓ move between criteria and
 * C cites where the viewer is now. Typing in the comment box is left alone.
 *
 * Level descriptors are cut to a few lines to keep the rubric scannable, and shown whole while the card has keyboard
 * focus (R, ↑/↓, Tab) or after "Full descriptors", so reading one never depends on hovering. A mouse click does not
 * expand them: the levels would move under the pointer between press and release.
 */
export const CriterionCard = forwardRef<HTMLElement, Props>(function CriterionCard(p, ref) {
  const titleId = `criterion-${p.criterion.id}-title`;
  const onKeyDown = levelKeyHandler({ criterion: p.criterion, readOnly: p.readOnly, onLevel: p.onLevel, onMove: p.onMove, onCite: p.onCite });
  const [full, setFull] = useState(false);
  return (
    <section
      ref={ref}
      tabIndex={0}
      className={classes.card}
      data-full-descriptors={full || undefined}
      aria-labelledby={titleId}
      data-criterion={p.criterion.id}
      data-testid={`criterion-${p.criterion.id}`}
      onKeyDown={onKeyDown}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Text id={titleId} fw={700} size="sm">
            {p.index + 1}. {p.criterion.title}
            {p.criterion.critical && (
              <Badge ml={6} size="xs" color="red" variant="light">
                critical
              </Badge>
            )}
          </Text>
          {p.criterion.guidance && (
            <Text size="xs" c="dimmed">
              {p.criterion.guidance}
            </Text>
          )}
        </div>
        {!p.readOnly && (
          <Tooltip label="Cite the current page or moment (C)">
            <Button size="compact-xs" variant="light" onClick={p.onCite} aria-label={`Cite evidence for ${p.criterion.title}`} style={{ flexShrink: 0 }}>
              Cite
            </Button>
          </Tooltip>
        )}
      </Group>
      <div role="radiogroup" aria-labelledby={titleId} className={classes.levels}>
        {p.criterion.levels.map((l, i) => {
          const checked = p.level === l.score;
          return (
            <UnstyledButton
              key={l.score}
              role="radio"
              aria-checked={checked}
              tabIndex={-1}
              disabled={p.readOnly}
              className={classes.level}
              title={l.descriptor}
              data-checked={checked || undefined}
              onClick={() => p.onLevel(l.score)}
            >
              <Text size="xs" fw={700}>
                <kbd className={classes.key}>{i + 1}</kbd> {l.label}
              </Text>
              <Text size="xs" c={checked ? undefined : 'dimmed'} className={classes.descriptor} data-descriptor>
                {l.descriptor}
              </Text>
            </UnstyledButton>
          );
        })}
      </div>
      <Group justify="flex-end" mt={2}>
        <Button size="compact-xs" variant="subtle" color="gray" aria-expanded={full} onClick={() => setFull(!full)}>
          {full ? 'Shorter descriptors' : 'Full descriptors'}
        </Button>
      </Group>
      {p.anchors.length > 0 && (
        <Group gap={6} mt={6} aria-label="Cited evidence">
          {p.anchors.map((a) => (
            <Badge
              key={a.id}
              variant="outline"
              size="md"
              className={classes.anchor}
              rightSection={
                p.readOnly ? null : (
                  <ActionIcon size="xs" variant="transparent" aria-label={`Remove citation ${describeTarget(a.target)}`} onClick={() => p.onRemoveAnchor(a)}>
                    ×
                  </ActionIcon>
                )
              }
            >
              <UnstyledButton
                onClick={() => p.onOpenAnchor(a)}
                className={classes.anchorLink}
                title={`${p.evidenceTitle(a.evidenceId)} · ${describeTarget(a.target)}`}
                aria-label={`Open ${p.evidenceTitle(a.evidenceId)} at ${describeTarget(a.target)}`}
              >
                {/* The place first: it is what tells two citations of one document apart. */}
                {describeTarget(a.target)} · {p.evidenceTitle(a.evidenceId)}
              </UnstyledButton>
            </Badge>
          ))}
        </Group>
      )}
      <Textarea
        mt={6}
        size="xs"
        autosize
        minRows={1}
        maxRows={6}
        placeholder={p.readOnly ? '' : 'Comment on this criterion'}
        aria-label={`Comment on ${p.criterion.title}`}
        value={p.comment}
        readOnly={p.readOnly}
        onChange={(e) => p.onComment(e.currentTarget.value)}
      />
    </section>
  );
});
