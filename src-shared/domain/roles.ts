import { z } from 'zod';

export const ROLES = ['reviewer', 'moderator', 'lead', 'approver', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const ROLE_LABEL: Record<Role, string> = {
  reviewer: 'Reviewer',
  moderator: 'Moderator',
  lead: 'Panel lead',
  approver: 'Credit approver',
  admin: 'Administrator',
};
