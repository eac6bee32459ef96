import type { ServiceContext } from '../context';
import { isQualified } from '../calibration/qualification';

/** Credentials a reviewer is qualified for by calibration (consulted only when a policy requires qualified reviewers). */
export function qualifiedCredentials(ctx: ServiceContext, reviewerId: string): Set<string> {
  const codes = (ctx.db.all('SELECT code FROM credentials') as { code: string }[]).map((c) => c.code);
  return new Set(codes.filter((code) => isQualified(ctx, reviewerId, code).qualified));
}
