import { and, asc, eq, desc } from 'drizzle-orm';
import { RubricSchema, type Rubric } from '../../src-shared/domain/rubric';
import { rubrics, rubricCriteria, rubricLevels, reviews, portfolios } from '../db/schema';
import { nowIso, type ServiceContext } from './context';
import { audit } from './audit';

export async function loadRubric(ctx: ServiceContext, id: string, version: number): Promise<Rubric | null> {
  const db = ctx.db.orm;
  const head = await db
    .select()
    .from(rubrics)
    .where(and(eq(rubrics.id, id), eq(rubrics.version, version)))
    .get();
  if (!head) return null;
  const criteria = await db
    .select()
    .from(rubricCriteria)
    .where(and(eq(rubricCriteria.rubricId, id), eq(rubricCriteria.rubricVersion, version)))
    .orderBy(asc(rubricCriteria.position))
    .all();
  const levels = await db
    .select()
    .from(rubricLevels)
    .where(and(eq(rubricLevels.rubricId, id), eq(rubricLevels.rubricVersion, version)))
    .orderBy(asc(rubricLevels.score))
    .all();
  const rule =
    head.ruleType === 'all_at_least'
      ? { type: 'all_at_least' as const, min_level: head.ruleMinLevel ?? 0, critical_min_level: head.ruleCriticalMinLevel ?? undefined }
      : { type: 'total_at_least' as const, min_total: head.ruleMinTotal ?? 0, critical_min_level: head.ruleCriticalMinLevel ?? undefined };
  return RubricSchema.parse({
    format: 'evidence-workbench/rubric@1',
    id: head.id,
    version: head.version,
    title: head.title,
    change_note: head.changeNote ?? undefined,
    criteria: criteria.map((c) => ({
      id: c.criterionId,
      title: c.title,
      guidance: c.guidance,
      weight: c.weight ?? undefined,
      critical: c.critical,
      levels: levels.filter((l) => l.criterionId === c.criterionId).map((l) => ({ score: l.score, label: l.label, descriptor: l.descriptor })),
    })),
    decision_rule: rule,
    feedback_templates: { pass: head.feedbackPass, not_yet: head.feedbackNotYet },
  });
}

/** Canonical text of a rubric, to tell an identical re-import from a changed one. */
export function rubricFingerprint(r: Rubric): string {
  const normal = RubricSchema.parse({ ...r, feedback_templates: r.feedback_templates ?? { pass: '', not_yet: '' } });
  return JSON.stringify(normal);
}

export async function insertRubric(ctx: ServiceContext, r: Rubric, actor: string): Promise<void> {
  const db = ctx.db.orm;
  const rule = r.decision_rule;
  await db
    .insert(rubrics)
    .values({
      id: r.id,
      version: r.version,
      title: r.title,
      changeNote: r.change_note ?? null,
      ruleType: rule.type,
      ruleMinLevel: rule.type === 'all_at_least' ? rule.min_level : null,
      ruleMinTotal: rule.type === 'total_at_least' ? rule.min_total : null,
      ruleCriticalMinLevel: rule.critical_min_level ?? null,
      feedbackPass: r.feedback_templates?.pass ?? '',
      feedbackNotYet: r.feedback_templates?.not_yet ?? '',
      createdAt: nowIso(ctx),
    })
    .run();
  for (const [position, c] of r.criteria.entries()) {
    await db
      .insert(rubricCriteria)
      .values({
        rubricId: r.id,
        rubricVersion: r.version,
        criterionId: c.id,
        position,
        title: c.title,
        guidance: c.guidance,
        weight: c.weight ?? null,
        critical: c.critical,
      })
      .run();
    for (const l of c.levels)
      await db
        .insert(rubricLevels)
        .values({ rubricId: r.id, rubricVersion: r.version, criterionId: c.id, score: l.score, label: l.label, descriptor: l.descriptor })
        .run();
  }
  await audit(ctx, { actor, action: 'rubric.create', entityType: 'rubric', entityId: `${r.id}@${r.version}`, details: { title: r.title } });
}

/** A rubric is frozen once any portfolio is assessed with it or any review used it. */
export async function isRubricFrozen(ctx: ServiceContext, id: string, version: number): Promise<boolean> {
  const db = ctx.db.orm;
  const used =
    (await db
      .select({ id: portfolios.id })
      .from(portfolios)
      .where(and(eq(portfolios.rubricId, id), eq(portfolios.rubricVersion, version)))
      .limit(1)
      .get()) ??
    (await db
      .select({ id: reviews.id })
      .from(reviews)
      .where(and(eq(reviews.rubricId, id), eq(reviews.rubricVersion, version)))
      .limit(1)
      .get());
  return used !== undefined;
}

export async function latestRubricVersion(ctx: ServiceContext, id: string): Promise<number | null> {
  const row = await ctx.db.orm.select({ v: rubrics.version }).from(rubrics).where(eq(rubrics.id, id)).orderBy(desc(rubrics.version)).limit(1).get();
  return row?.v ?? null;
}
