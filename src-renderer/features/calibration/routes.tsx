import type { RouteObject } from 'react-router';
import type { NavItem } from '../../app/nav';
import { CalibrationPage } from './CalibrationPage';
import { MyCalibrationPage } from './mine/MyCalibrationPage';
import { AnchorPage } from './anchors/AnchorPage';
import { RoundReportPage } from './report/RoundReportPage';
import { ProductionReportPage } from './report/ProductionReportPage';
import { RubricsPage } from '../rubrics/RubricsPage';
import { RubricEditorPage } from '../rubrics/RubricEditorPage';
import { RubricDiffPage } from '../rubrics/RubricDiffPage';

/** Pages and navigation entries of the calibration feature (with the rubric editor). */
export const calibrationRoutes: RouteObject[] = [
  { path: 'calibration', element: <CalibrationPage /> },
  { path: 'calibration/mine', element: <MyCalibrationPage /> },
  { path: 'calibration/production', element: <ProductionReportPage /> },
  { path: 'calibration/rounds/:id', element: <RoundReportPage /> },
  { path: 'calibration/anchors/:id', element: <AnchorPage /> },
  { path: 'rubrics', element: <RubricsPage /> },
  { path: 'rubrics/new', element: <RubricEditorPage /> },
  { path: 'rubrics/:id/compare', element: <RubricDiffPage /> },
  { path: 'rubrics/:id/:version/edit', element: <RubricEditorPage /> },
];

const mine = (p: string) => p.startsWith('/calibration/mine');

export const calibrationNav: NavItem[] = [
  { to: '/calibration', label: 'Calibration', match: (p) => p.startsWith('/calibration') && !mine(p), roles: ['lead', 'admin'] },
  { to: '/rubrics', label: 'Rubrics', match: (p) => p.startsWith('/rubrics'), roles: ['lead', 'admin'] },
  { to: '/calibration/mine', label: 'My calibration', match: mine, roles: ['reviewer'] },
];
