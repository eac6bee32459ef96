import type { ServiceContext } from '../context';

/** True on a reviewer's own machine for portfolios that came in an offline review bundle. */
export async function isReceivedBundleItem(ctx: ServiceContext, portfolioId: string): Promise<boolean> {
  return (await ctx.db.get('SELECT 1 FROM received_bundle_items WHERE portfolio_id = ?', [portfolioId])) !== undefined;
}
