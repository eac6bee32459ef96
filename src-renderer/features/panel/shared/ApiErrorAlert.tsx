import { Alert, Button, List, Text } from '@mantine/core';
import { ApiError, type ErrorCode } from '../../../../src-shared/contracts/errors';

/** A refusal that reloading answers: the record changed since the page loaded it (409). */
export const isStale = (error: unknown, codes: readonly ErrorCode[] = ['conflict']): error is ApiError => error instanceof ApiError && codes.includes(error.code);

/**
 * An API error in plain words, with each of its issues (e.g. "line 4: invalid email") on a line of its own. With
 * `onReload`, a conflict (someone changed the record since this page loaded it; or another of `reloadOn`) offers
 * to reload it.
 */
export function ApiErrorAlert({
  error,
  title,
  onClose,
  onReload,
  reloadOn,
}: {
  error: unknown;
  title?: string;
  onClose?(): void;
  onReload?(): void;
  reloadOn?: readonly ErrorCode[];
}) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const issues = error instanceof ApiError ? (error.issues ?? []) : [];
  const reload = onReload && isStale(error, reloadOn);
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
      {reload && (
        <Button size="compact-sm" mt="xs" variant="light" color="red" onClick={onReload}>
          Reload
        </Button>
      )}
    </Alert>
  );
}
