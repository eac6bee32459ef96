import type { MouseEvent, ReactNode } from 'react';
import { Alert, Anchor, Badge, Center, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../../src-shared/contracts/errors';
import { APPLICATION_STATUS_LABEL, type ApplicationStatus } from '../../../../src-shared/contracts/credit';
import { ROLE_LABEL, type Role } from '../../../../src-shared/domain/roles';
import { useMe } from '../../profile/ProfileProvider';

/** University approvers, panel leads and administrators see credit; only approvers decide (the services enforce it). */
export const CREDIT_ROLES: Role[] = ['approver', 'lead', 'admin'];

export function PageHeader({ title, description, actions }: { title: ReactNode; description?: ReactNode; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
      <Stack gap={2} maw={820}>
        <Title order={2}>{title}</Title>
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="xs">{actions}</Group>}
    </Group>
  );
}

/** An API error in words, each of its issues (e.g. "line 4, awarded_on: not a date") on a line of its own. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const issues = error instanceof ApiError ? (error.issues ?? []) : [];
  return (
    <Alert color="red" variant="light" title={title ?? 'That did not work'} role="alert">
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

export function Loading({ label }: { label: string }) {
  return (
    <Center h={160}>
      <Loader aria-label={label} />
    </Center>
  );
}

/** The services refuse other roles anyway; this says so in words instead of a page of errors. */
export function RequireCreditRole({ children, roles = CREDIT_ROLES }: { children: ReactNode; roles?: Role[] }) {
  const me = useMe();
  if (roles.some((r) => me.roles.includes(r))) return <>{children}</>;
  return (
    <Alert color="gray" title="Not available for your profile" maw={640}>
      Credit approval is for the {roles.map((r) => ROLE_LABEL[r]).join(', ')} roles. Switch profile from the menu at the top right if you hold one of them.
    </Alert>
  );
}

const STATUS_COLOR: Record<ApplicationStatus, string> = { pending: 'blue', awaiting_second: 'violet', approved: 'teal', declined: 'red' };

export function StatusBadge({ status }: { status: ApplicationStatus }) {
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid="application-status">
      {APPLICATION_STATUS_LABEL[status]}
    </Badge>
  );
}

/** A real link (middle-click, screen readers) that navigates inside the hash router. Inside running text, underline it. */
export function Link({ to, children, ...rest }: { to: string; children: ReactNode; fw?: number; size?: string; ff?: string; underline?: 'always' | 'hover' | 'never' }) {
  const navigate = useNavigate();
  return (
    <Anchor
      href={`#${to}`}
      onClick={(e: MouseEvent) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey) return;
        e.preventDefault();
        navigate(to);
      }}
      {...rest}
    >
      {children}
    </Anchor>
  );
}

/** Met / not met in words and a mark, never in colour alone; "optional" for one of several credentials that may count. */
export function CheckMark({ ok, required = true }: { ok: boolean; required?: boolean }) {
  // Shade 8: Mantine's default shade 6 of teal and red falls short of 4.5:1 contrast on white.
  const [mark, word, color] = ok ? ['✓', 'Met', 'teal.8'] : required ? ['✗', 'Not met', 'red.8'] : ['–', 'Optional', 'gray.7'];
  return (
    <Text component="span" c={color} fw={700} style={{ whiteSpace: 'nowrap' }}>
      <span aria-hidden="true">{mark}</span> <Text component="span" size="sm" fw={600}>{word}</Text>
    </Text>
  );
}
