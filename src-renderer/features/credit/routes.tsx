import type { RouteObject } from 'react-router';
import type { NavItem } from '../../app/nav';

/** Pages and navigation entries of the credit feature. */
export const creditRoutes: RouteObject[] = [];
export const creditNav: NavItem[] = [];
