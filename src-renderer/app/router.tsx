import { createHashRouter } from 'react-router';
import { AppLayout } from './AppLayout';
import { QueuePage } from '../features/queue/QueuePage';
import { PortfolioPage } from '../features/portfolio/PortfolioPage';
import { RouteError } from './RouteError';
import { ReviewPage } from '../features/review/ReviewPage';
import { ExportPage } from '../features/export/ExportPage';
import { panelRoutes } from '../features/panel/routes';
import { calibrationRoutes } from '../features/calibration/routes';
import { creditRoutes } from '../features/credit/routes';

/** Hash routes: the same URLs work from ew-app:// in Electron and from the browser shell, with nothing to rewrite. */
export const router = createHashRouter([
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <QueuePage /> },
      { path: 'portfolio/:id', element: <PortfolioPage /> },
      { path: 'review/:id', element: <ReviewPage /> },
      { path: 'export', element: <ExportPage /> },
      ...panelRoutes,
      ...calibrationRoutes,
      ...creditRoutes,
    ],
  },
]);
