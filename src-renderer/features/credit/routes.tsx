import type { RouteObject } from 'react-router';
import type { NavItem } from '../../app/nav';
import { ApplicationsPage } from './applications/ApplicationsPage';
import { ApplicationPage } from './applications/ApplicationPage';
import { CandidatesPage } from './candidates/CandidatesPage';
import { CandidatePage } from './candidates/CandidatePage';
import { PathwaysPage } from './pathways/PathwaysPage';
import { PathwayPage } from './pathways/PathwayPage';
import { InsightPage } from './insight/InsightPage';
import { CREDIT_ROLES } from './shared/ui';

/** Pages and navigation entries of the credit feature. */
export const creditRoutes: RouteObject[] = [
  { path: 'credit', element: <ApplicationsPage /> },
  { path: 'credit/applications/:id', element: <ApplicationPage /> },
  { path: 'credit/candidates', element: <CandidatesPage /> },
  { path: 'credit/candidates/:id', element: <CandidatePage /> },
  { path: 'credit/pathways', element: <PathwaysPage /> },
  { path: 'credit/pathways/:id', element: <PathwayPage /> },
  { path: 'credit/insight', element: <InsightPage /> },
];

export const creditNav: NavItem[] = [
  { to: '/credit', label: 'Credit applications', match: (p) => p === '/credit' || p.startsWith('/credit/applications'), roles: CREDIT_ROLES },
  { to: '/credit/candidates', label: 'Candidates', match: (p) => p.startsWith('/credit/candidates'), roles: CREDIT_ROLES },
  { to: '/credit/pathways', label: 'Pathways', match: (p) => p.startsWith('/credit/pathways'), roles: CREDIT_ROLES },
  { to: '/credit/insight', label: 'Programme insight', match: (p) => p.startsWith('/credit/insight'), roles: CREDIT_ROLES },
];
