import { Alert, Text } from '@mantine/core';

/** The feedback checks' warnings (src-shared/domain/panel/feedback-checks.ts) shown in a confirmation, one per line. */
export function FeedbackWarnings({ title, warnings, testId }: { title: string; warnings: string[]; testId: string }) {
  if (warnings.length === 0) return null;
  return (
    <Alert color="orange" variant="light" mt="sm" title={title} data-testid={testId}>
      {warnings.map((w) => (
        <Text key={w} size="sm">
          {w}
        </Text>
      ))}
    </Alert>
  );
}
