import type { ReactNode } from 'react';
import { Alert } from '@mantine/core';
import { ROLE_LABEL, type Role } from '../../../../src-shared/domain/roles';
import { useMe } from '../../profile/ProfileProvider';

export function hasRole(roles: readonly Role[], ...any: Role[]): boolean {
  return any.some((r) => roles.includes(r));
}

/** The services enforce roles; this only says so plainly instead of showing a page of refusals. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const me = useMe();
  if (hasRole(me.roles, ...roles)) return <>{children}</>;
  return (
    <Alert color="gray" title="Not available for your profile" maw={640}>
      This page is for the {roles.map((r) => ROLE_LABEL[r]).join(', ')} role{roles.length > 1 ? 's' : ''}. Switch profile from the menu at the top right if you
      hold one of them.
    </Alert>
  );
}
