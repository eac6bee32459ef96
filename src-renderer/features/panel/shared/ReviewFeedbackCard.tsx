import type { ReactNode } from 'react';
import { Badge, Group, Paper, Text } from '@mantine/core';
import { OUTCOME_LABEL, type Outcome } from '../../../../src-shared/domain/rubric';

/** One reviewer's feedback to the candidate, with their outcome: read beside a text the moderator or lead writes. */
export function ReviewFeedbackCard({ heading, outcome, feedback, testId, children }: { heading: string; outcome: Outcome | null; feedback: string; testId?: string; children?: ReactNode }) {
  return (
    <Paper withBorder p="xs" bg="gray.0" data-testid={testId}>
      <Group justify="space-between" mb={4}>
        <Text size="xs" fw={700}>
          {heading}
        </Text>
        {outcome && (
          <Badge size="sm" variant="light" color={outcome === 'pass' ? 'teal' : 'orange'}>
            {OUTCOME_LABEL[outcome]}
          </Badge>
        )}
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {feedback.trim() || '—'}
      </Text>
      {children}
    </Paper>
  );
}
