import type { ServiceContext } from '../context';

/** True on a reviewer's own machine for portfolios that came in an offline review bundle. */
export function isReceivedBundleItem(ctx: ServiceContext, portfolioId: string): boolean {
  return ctx.db.get('SELECT 1 FROM received_bundle_items WHERE portfolio_id = ?', [portfolioId]) !== undefined;
}
