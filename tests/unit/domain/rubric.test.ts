import { describe, expect, it } from 'vitest';
import { evaluateDecision, invalidLevels, RubricSchema, type Rubric } from '../../../src-shared/domain/rubric';
import { TEST_RUBRIC } from '../../support/fixtures';

describe('decision rules', () => {
  it('passes when every criterion reaches the minimum level', () => {
    const d = evaluateDecision(TEST_RUBRIC, { planning: 3, reflection: 4 });
    expect(d).toMatchObject({ complete: true, outcome: 'pass', total: 7 });
  });

  it('says which criterion holds a portfolio back', () => {
    const d = evaluateDecision(TEST_RUBRIC, { planning: 4, reflection: 2 });
    expect(d.outcome).toBe('not_yet');
    expect(d.reasons).toEqual(['Reflection is below Proficient']);
  });

  it('is incomplete until every criterion is scored', () => {
    const d = evaluateDecision(TEST_RUBRIC, { planning: 4 });
    expect(d).toMatchObject({ complete: false, outcome: null });
    expect(d.reasons[0]).toContain('Reflection');
  });

  it('applies a total rule with a critical floor', () => {
    const r: Rubric = { ...TEST_RUBRIC, decision_rule: { type: 'total_at_least', min_total: 5, critical_min_level: 3 } };
    expect(evaluateDecision(r, { planning: 4, reflection: 3 }).outcome).toBe('pass');
    expect(evaluateDecision(r, { planning: 1, reflection: 3 }).reasons).toEqual(['Total 4 is below 5']);
    const critical = evaluateDecision(r, { planning: 4, reflection: 2 });
    expect(critical.outcome).toBe('not_yet');
    expect(critical.reasons).toEqual(['Reflection (critical) is below Proficient']);
  });

  it('weights criteria in the total', () => {
    const r: Rubric = {
      ...TEST_RUBRIC,
      criteria: TEST_RUBRIC.criteria.map((c) => (c.id === 'planning' ? { ...c, weight: 2 } : c)),
      decision_rule: { type: 'total_at_least', min_total: 9 },
    };
    expect(evaluateDecision(r, { planning: 3, reflection: 3 }).outcome).toBe('pass');
    expect(evaluateDecision(r, { planning: 2, reflection: 4 }).outcome).toBe('not_yet');
  });

  it('flags levels the rubric does not have', () => {
    expect(invalidLevels(TEST_RUBRIC, { planning: 9, nope: 1 })).toEqual(['Planning: 9 is not a level of this criterion', 'unknown criterion "nope"']);
  });

  it('validates rubric structure: unique criteria, increasing level scores', () => {
    const bad = {
      ...TEST_RUBRIC,
      criteria: [TEST_RUBRIC.criteria[0], { ...TEST_RUBRIC.criteria[0], levels: [...TEST_RUBRIC.criteria[0]!.levels].reverse() }],
    };
    const r = RubricSchema.safeParse(bad);
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message);
    expect(messages).toContain('duplicate criterion id "planning"');
    expect(messages).toContain('levels of "planning" must have unique scores in increasing order');
  });
});
