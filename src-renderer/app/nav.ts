import type { Role } from '../../src-shared/domain/roles';

export interface NavItem {
  to: string;
  label: string;
  match(pathname: string): boolean;
  /** Shown only to profiles with one of these roles; everyone when absent. */
  roles?: Role[];
}
