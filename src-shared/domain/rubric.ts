import { z } from 'zod';
import { lineText, multilineText } from './text';

export const LevelSchema = z.object({
  score: z.number().int().min(0).max(100),
  label: lineText().min(1),
  descriptor: multilineText().min(1),
});
export type Level = z.infer<typeof LevelSchema>;

export const CriterionSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'criterion id: letters, digits, . _ - only'),
  title: lineText().min(1),
  guidance: multilineText().default(''),
  weight: z.number().positive().optional(),
  critical: z.boolean().default(false),
  levels: z.array(LevelSchema).min(2, 'a criterion needs at least two levels'),
});
export type Criterion = z.infer<typeof CriterionSchema>;

/**
 * How a rubric's levels turn into an outcome.
 * all_at_least: every criterion at or above min_level (critical ones at or above critical_min_level).
 * total_at_least: the (weighted) sum of chosen scores reaches min_total, and no critical criterion is below critical_min_level.
 */
export const DecisionRuleSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('all_at_least'),
    min_level: z.number().int(),
    critical_min_level: z.number().int().optional(),
  }),
  z.object({
    type: z.literal('total_at_least'),
    min_total: z.number(),
    critical_min_level: z.number().int().optional(),
  }),
]);
export type DecisionRule = z.infer<typeof DecisionRuleSchema>;

export const FeedbackTemplatesSchema = z.object({
  pass: multilineText().default(''),
  not_yet: multilineText().default(''),
});

export const RubricSchema = z
  .object({
    format: z.literal('evidence-workbench/rubric@1'),
    id: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'rubric id: letters, digits, . _ - only'),
    version: z.number().int().positive(),
    title: lineText().min(1),
    change_note: multilineText().optional(),
    criteria: z.array(CriterionSchema).min(1, 'a rubric needs at least one criterion'),
    decision_rule: DecisionRuleSchema,
    feedback_templates: FeedbackTemplatesSchema.optional(),
  })
  .superRefine((rubric, ctx) => {
    const ids = new Set<string>();
    rubric.criteria.forEach((c, i) => {
      if (ids.has(c.id)) ctx.addIssue({ code: 'custom', path: ['criteria', i, 'id'], message: `duplicate criterion id "${c.id}"` });
      ids.add(c.id);
      const scores = c.levels.map((l) => l.score);
      for (let j = 1; j < scores.length; j++) {
        if (scores[j]! <= scores[j - 1]!) {
          ctx.addIssue({
            code: 'custom',
            path: ['criteria', i, 'levels', j, 'score'],
            message: `levels of "${c.id}" must have unique scores in increasing order`,
          });
          break;
        }
      }
    });
  });
export type Rubric = z.infer<typeof RubricSchema>;

export type Outcome = 'pass' | 'not_yet' | 'withdrawn';
export const OutcomeSchema = z.enum(['pass', 'not_yet', 'withdrawn']);
export const OUTCOME_LABEL: Record<Outcome, string> = { pass: 'Pass', not_yet: 'Not yet', withdrawn: 'Withdrawn' };

/** Chosen score per criterion id; a missing key means not yet scored. */
export type LevelChoice = Record<string, number | undefined>;

export interface DecisionPreview {
  complete: boolean;
  outcome: Exclude<Outcome, 'withdrawn'> | null;
  total: number;
  reasons: string[];
}

export function levelLabel(criterion: Criterion, score: number): string {
  return criterion.levels.find((l) => l.score === score)?.label ?? String(score);
}

function levelName(rubric: Rubric, criterion: Criterion, min: number): string {
  const level = criterion.levels.find((l) => l.score === min);
  return level ? level.label : `level ${min}`;
}

export function weightedTotal(rubric: Rubric, levels: LevelChoice): number {
  return rubric.criteria.reduce((sum, c) => sum + (levels[c.id] ?? 0) * (c.weight ?? 1), 0);
}

/** Applies the rubric's decision rule and says why, in words a reviewer and a candidate can read. */
export function evaluateDecision(rubric: Rubric, levels: LevelChoice): DecisionPreview {
  const missing = rubric.criteria.filter((c) => levels[c.id] === undefined);
  const total = weightedTotal(rubric, levels);
  if (missing.length > 0) {
    return {
      complete: false,
      outcome: null,
      total,
      reasons: [`Not scored yet: ${missing.map((c) => c.title).join(', ')}`],
    };
  }
  const rule = rubric.decision_rule;
  const reasons: string[] = [];
  const criticalMin = rule.critical_min_level;
  for (const c of rubric.criteria) {
    const score = levels[c.id]!;
    if (rule.type === 'all_at_least' && score < rule.min_level) {
      reasons.push(`${c.title} is below ${levelName(rubric, c, rule.min_level)}`);
    } else if (c.critical && criticalMin !== undefined && score < criticalMin) {
      reasons.push(`${c.title} (critical) is below ${levelName(rubric, c, criticalMin)}`);
    }
  }
  if (rule.type === 'total_at_least' && total < rule.min_total) {
    reasons.unshift(`Total ${total} is below ${rule.min_total}`);
  }
  if (reasons.length === 0) {
    const why =
      rule.type === 'all_at_least'
        ? `every criterion is at or above level ${rule.min_level}`
        : `total ${total} reaches ${rule.min_total}`;
    return { complete: true, outcome: 'pass', total, reasons: [why] };
  }
  return { complete: true, outcome: 'not_yet', total, reasons };
}

/** Checks that a level choice only names criteria and scores the rubric has. */
export function invalidLevels(rubric: Rubric, levels: LevelChoice): string[] {
  const problems: string[] = [];
  for (const [id, score] of Object.entries(levels)) {
    if (score === undefined) continue;
    const c = rubric.criteria.find((x) => x.id === id);
    if (!c) problems.push(`unknown criterion "${id}"`);
    else if (!c.levels.some((l) => l.score === score)) problems.push(`${c.title}: ${score} is not a level of this criterion`);
  }
  return problems;
}
