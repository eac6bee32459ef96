import type { RouteObject } from 'react-router';
import type { NavItem } from '../../app/nav';

/** Pages and navigation entries of the calibration feature. */
export const calibrationRoutes: RouteObject[] = [];
export const calibrationNav: NavItem[] = [];
