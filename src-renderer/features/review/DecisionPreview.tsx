import { Alert, Text } from '@mantine/core';
import { evaluateDecision, OUTCOME_LABEL, type LevelChoice, type Rubric } from '../../../src-shared/domain/rubric';

/** The rubric's decision rule applied live, saying why ("Not yet: Reflection is below Proficient"). */
export function DecisionPreview({ rubric, levels }: { rubric: Rubric; levels: Record<string, number | null> }) {
  const preview = evaluateDecision(rubric, levels as LevelChoice);
  const color = !preview.complete ? 'gray' : preview.outcome === 'pass' ? 'teal' : 'orange';
  const title = !preview.complete ? 'Decision preview' : `${OUTCOME_LABEL[preview.outcome!]} · total ${preview.total}`;
  return (
    <Alert color={color} title={title} data-testid="decision-preview" aria-live="polite" variant="light" p="xs">
      <Text size="xs">
        {preview.complete ? (preview.outcome === 'pass' ? `Pass: ${preview.reasons[0]}` : `Not yet: ${preview.reasons.join('; ')}`) : preview.reasons[0]}
      </Text>
    </Alert>
  );
}
