import type { RouteObject } from 'react-router';
import type { NavItem } from '../../app/nav';

/** Pages and navigation entries of the panel feature. */
export const panelRoutes: RouteObject[] = [];
export const panelNav: NavItem[] = [];
