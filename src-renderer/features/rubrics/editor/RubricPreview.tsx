import { useRef, useState } from 'react';
import { Alert, Stack, Text, Title } from '@mantine/core';
import type { Rubric } from '../../../../src-shared/domain/rubric';
import { CriterionCard } from '../../review/CriterionCard';
import { DecisionPreview } from '../../review/DecisionPreview';

/**
 * The rubric panel as reviewers will meet it, built from the workbench's own components: pick levels (click, or
 * focus a card and press 1…n, ↑/↓ to move) to try the decision rule. Shows the last valid state of the draft.
 */
export function RubricPreview({ rubric, stale }: { rubric: Rubric | null; stale: boolean }) {
  const [levels, setLevels] = useState<Record<string, number | null>>({});
  const cards = useRef<(HTMLElement | null)[]>([]);
  if (!rubric) return <Alert color="gray">The preview appears once the rubric is valid.</Alert>;
  return (
    <Stack gap="xs" data-testid="rubric-preview" aria-label="Preview of the rubric panel">
      <Title order={3} size="h6">
        Preview: {rubric.title}
      </Title>
      {stale && (
        <Text size="xs" c="orange.8">
          Showing the last valid version of your changes: fix the problems listed to update it.
        </Text>
      )}
      {rubric.criteria.map((c, i) => (
        <CriterionCard
          key={c.id}
          ref={(el) => {
            cards.current[i] = el;
          }}
          criterion={c}
          index={i}
          level={levels[c.id]}
          comment=""
          anchors={[]}
          evidenceTitle={(id) => id}
          readOnly={false}
          onLevel={(score) => setLevels((s) => ({ ...s, [c.id]: score }))}
          onComment={() => undefined}
          onCite={() => undefined}
          onOpenAnchor={() => undefined}
          onRemoveAnchor={() => undefined}
          onMove={(d) => cards.current[Math.max(0, Math.min(rubric.criteria.length - 1, i + d))]?.focus()}
        />
      ))}
      <DecisionPreview rubric={rubric} levels={Object.fromEntries(rubric.criteria.map((c) => [c.id, levels[c.id] ?? null]).filter(([, v]) => v !== null))} />
    </Stack>
  );
}
