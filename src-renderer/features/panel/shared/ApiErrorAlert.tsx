import { Alert, List, Text } from '@mantine/core';
import { ApiError } from '../../../../src-shared/contracts/errors';

/** An API error in plain words, with each of its issues (e.g. "line 4: invalid email") on a line of its own. */
export function ApiErrorAlert({ error, title, onClose }: { error: unknown; title?: string; onClose?(): void }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const issues = error instanceof ApiError ? (error.issues ?? []) : [];
  return (
    <Alert color="red" variant="light" title={title ?? 'That did not work'} role="alert" withCloseButton={Boolean(onClose)} onClose={onClose} closeButtonLabel="Dismiss">
      <Text size="sm">{message}</Text>
      {issues.length > 0 && (
        <List size="sm" mt={4} spacing={2} data-testid="error-issues">
          {issues.map((i) => (
            <List.Item key={i}>{i}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
