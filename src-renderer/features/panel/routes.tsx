import type { RouteObject } from 'react-router';
import type { NavItem } from '../../app/nav';
import { DashboardPage } from './dashboard/DashboardPage';
import { ModerationQueuePage } from './moderation/ModerationQueuePage';
import { ModerationCasePage } from './moderation/ModerationCasePage';
import { SetupPage } from './setup/SetupPage';
import { ReleasePage } from './release/ReleasePage';
import { STATUS_LABEL } from '../../../src-shared/domain/status';

/** Pages and navigation entries of the panel feature. */
export const panelRoutes: RouteObject[] = [
  { path: 'panel', element: <DashboardPage /> },
  { path: 'panel/setup', element: <SetupPage /> },
  { path: 'moderation', element: <ModerationQueuePage /> },
  { path: 'moderation/:id', element: <ModerationCasePage /> },
  { path: 'release', element: <ReleasePage /> },
];

export const panelNav: NavItem[] = [
  { to: '/panel', label: 'Panel dashboard', match: (p) => p === '/panel', roles: ['lead', 'moderator', 'admin'] },
  { to: '/moderation', label: 'Moderation', match: (p) => p.startsWith('/moderation'), roles: ['moderator', 'lead', 'admin'] },
  { to: '/release', label: STATUS_LABEL.ready, match: (p) => p.startsWith('/release'), roles: ['lead', 'admin'] },
  { to: '/panel/setup', label: 'Panel setup', match: (p) => p.startsWith('/panel/setup'), roles: ['lead', 'admin'] },
];
