import type { ServiceContext } from '../context';
import { isQualified } from '../calibration/qualification';

/** Credentials a reviewer is qualified for by calibration (consulted only when a policy requires qualified reviewers). */
export async function qualifiedCredentials(ctx: ServiceContext, reviewerId: string): Promise<Set<string>> {
  const codes = ((await ctx.db.all('SELECT code FROM credentials')) as { code: string }[]).map((c) => c.code);
  const qualified = new Set<string>();
  for (const code of codes) if ((await isQualified(ctx, reviewerId, code)).qualified) qualified.add(code);
  return qualified;
}
