import { Button, Group, Text, Textarea } from '@mantine/core';
import { evaluateDecision, type LevelChoice, type Rubric } from '../../../src-shared/domain/rubric';

interface Props {
  rubric: Rubric;
  levels: Record<string, number | null>;
  value: string;
  readOnly: boolean;
  onChange(text: string): void;
}

/** Overall feedback to the candidate, with the rubric's template for the outcome the scores point to. */
export function FeedbackBox({ rubric, levels, value, readOnly, onChange }: Props) {
  const outcome = evaluateDecision(rubric, levels as LevelChoice).outcome;
  const template = outcome ? rubric.feedback_templates?.[outcome] : undefined;
  return (
    <div>
      <Group justify="space-between" mb={4}>
        <Text fw={700} size="sm" component="label" htmlFor="overall-feedback">
          Feedback to the candidate {outcome === 'not_yet' && <Text span c="red" size="xs">(required for Not yet)</Text>}
        </Text>
        {!readOnly && template && (
          <Button size="compact-xs" variant="subtle" onClick={() => onChange(value.trim() ? `${value.trim()}\n\n${template}` : template)}>
            Insert template
          </Button>
        )}
      </Group>
      <Textarea id="overall-feedback" autosize minRows={3} maxRows={12} value={value} readOnly={readOnly} onChange={(e) => onChange(e.currentTarget.value)} />
    </div>
  );
}
