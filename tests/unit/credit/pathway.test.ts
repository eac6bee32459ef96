import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addYearsIso,
  attainmentStatus,
  evaluatePathway,
  PathwaySchema,
  pathwayFingerprint,
  type Attainment,
  type CatalogueEntry,
  type Pathway,
  type PathwayRule,
} from '../../../src-shared/domain/pathway';

const CATALOGUE: CatalogueEntry[] = [
  { code: 'EMP-8', title: 'Effective Mentoring Practices', credit_points: 5, hours: 50 },
  { code: 'WCL-8', title: 'Working Collaboratively and Building Leadership Capability', credit_points: 5, hours: 50 },
  { code: 'CST-8', title: 'Contemporary Secondary Teaching Approaches', credit_points: 5, hours: 50 },
  { code: 'FA-8', title: 'Formative Assessment', credit_points: 5, hours: 30 },
];
const CODES = CATALOGUE.map((c) => c.code);

let seq = 0;
function pass(code: string, awardedOn: string, extra: Partial<Attainment> = {}): Attainment {
  const c = CATALOGUE.find((x) => x.code === code)!;
  return {
    key: extra.key ?? `portfolio:P-${++seq}`,
    code,
    title: c.title,
    source: 'app',
    issuer: 'Te Whare Ako',
    awardedOn,
    expiresOn: addYearsIso(awardedOn, 5),
    points: c.credit_points,
    hours: c.hours ?? 0,
    attempt: 1,
    portfolioId: `P-${seq}`,
    postTest: null,
    usedFor: null,
    ...extra,
  };
}

const rule = (r: Partial<PathwayRule> & Pick<PathwayRule, 'credentials'>): Pick<Pathway, 'rule'> => ({
  rule: PathwaySchema.shape.rule.parse(r),
});
const EDUC581 = rule({ credentials: ['EMP-8', 'WCL-8', 'CST-8'], require: { type: 'all_of' }, min_points: 15 });
const DATE = '2026-11-01';

describe('pathway file format', () => {
  const doc = {
    format: 'evidence-workbench/pathway@1',
    id: 'educ-581',
    version: 1,
    target: { code: 'EDUC 581', title: 'Professional Inquiry in Education', qualification: 'Master of Education', points: 15 },
    rule: { credentials: ['EMP-8', 'WCL-8', 'CST-8'], min_points: 15 },
    four_eyes: true,
  };

  it('fills defaults: all of, no double counting', () => {
    const p = PathwaySchema.parse(doc);
    expect(p.rule.require).toEqual({ type: 'all_of' });
    expect(p.rule.allow_double_counting).toBe(false);
    expect(p.target.awarding_body).toBe('');
  });

  it('refuses inconsistent rules with the field named', () => {
    const issues = (r: object) => PathwaySchema.safeParse({ ...doc, rule: r }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues({ credentials: ['EMP-8', 'EMP-8'] })).toEqual(['rule.credentials.1: credential EMP-8 is listed twice']);
    expect(issues({ credentials: ['EMP-8'], require: { type: 'n_of', n: 2 } })).toEqual(['rule.require.n: n is 2 but the pathway lists only 1 credentials']);
    expect(issues({ credentials: ['EMP-8'], require: { type: 'any' } })).toEqual(['rule.require: "any" needs a minimum of points or hours']);
    expect(issues({ credentials: ['EMP-8'], post_test: { min: 70, credential: 'FA-8' } })).toEqual(["rule.post_test.credential: FA-8 is not one of the pathway's credentials"]);
    expect(issues({ credentials: [] })).toEqual(['rule.credentials: a pathway recognises at least one credential']);
  });

  it('fingerprints ignore the change note', () => {
    const a = PathwaySchema.parse(doc);
    expect(pathwayFingerprint({ ...a, change_note: 'x' })).toBe(pathwayFingerprint(a));
    expect(pathwayFingerprint({ ...a, four_eyes: false })).not.toBe(pathwayFingerprint(a));
  });
});

describe('dates', () => {
  it('adds years by calendar month, clamping to the end of the month', () => {
    expect(addYearsIso('2020-11-30', 5)).toBe('2025-11-30');
    expect(addYearsIso('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYearsIso('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYearsIso('2026-01-31', 0.5)).toBe('2026-07-31');
    expect(addYearsIso('2026-08-31', 0.25)).toBe('2026-11-30');
  });

  it('a credential counts from its award date until the day before it expires', () => {
    const a = pass('EMP-8', '2020-11-30');
    expect(a.expiresOn).toBe('2025-11-30');
    expect(attainmentStatus(a, '2020-11-29', false)).toBe('not_yet_awarded');
    expect(attainmentStatus(a, '2020-11-30', false)).toBe('valid');
    expect(attainmentStatus(a, '2025-11-29', false)).toBe('valid');
    expect(attainmentStatus(a, '2025-11-30', false)).toBe('expired');
  });
});

describe('all of', () => {
  it('is met with every credential valid, and says where each came from', () => {
    const r = evaluatePathway(
      EDUC581,
      [
        pass('EMP-8', '2026-03-18'),
        pass('WCL-8', '2026-05-19'),
        pass('CST-8', '2026-05-03', { attempt: 2 }),
      ],
      CATALOGUE,
      DATE,
    );
    expect(r.met).toBe(true);
    expect(r.totals).toEqual({ points: 15, hours: 150 });
    expect(r.counted).toHaveLength(3);
    expect(r.checks.map((c) => [c.ok, c.reason])).toEqual([
      [true, 'Effective Mentoring Practices: passed 2026-03-18, attempt 1'],
      [true, 'Working Collaboratively and Building Leadership Capability: passed 2026-05-19, attempt 1'],
      [true, 'Contemporary Secondary Teaching Approaches: passed 2026-05-03, attempt 2'],
      [true, 'Credit points: 15 counted, at least 15 required'],
    ]);
  });

  it('names what is missing and what has expired', () => {
    const r = evaluatePathway(EDUC581, [pass('EMP-8', '2026-03-18'), pass('WCL-8', '2020-11-30')], CATALOGUE, DATE);
    expect(r.met).toBe(false);
    expect(r.checks.map((c) => [c.ok, c.status ?? null, c.reason])).toEqual([
      [true, 'valid', 'Effective Mentoring Practices: passed 2026-03-18, attempt 1'],
      [false, 'expired', 'Working Collaboratively and Building Leadership Capability: expired 2025-11-30'],
      [false, 'missing', 'Contemporary Secondary Teaching Approaches: missing'],
      [false, null, 'Credit points: 5 counted, at least 15 required'],
    ]);
    expect(r.counted).toHaveLength(1);
  });

  it('prefers a valid attainment over an expired one of the same credential, and describes external ones', () => {
    const ext = pass('WCL-8', '2024-03-01', { key: 'external:1', source: 'external', issuer: 'Massey University', attempt: null, portfolioId: null });
    const r = evaluatePathway(EDUC581, [pass('WCL-8', '2019-01-01'), ext], CATALOGUE, DATE);
    const wcl = r.checks.find((c) => c.code === 'WCL-8')!;
    expect(wcl).toMatchObject({ ok: true, attainment: 'external:1', counted: true });
    expect(wcl.reason).toBe('Working Collaboratively and Building Leadership Capability: awarded 2024-03-01 by Massey University (external)');
  });

  it('does not count a credential passed after the application date', () => {
    const r = evaluatePathway(EDUC581, [pass('EMP-8', '2026-03-18'), pass('WCL-8', '2026-05-19'), pass('CST-8', '2026-12-01')], CATALOGUE, DATE);
    expect(r.met).toBe(false);
    expect(r.checks[2]!.reason).toBe('Contemporary Secondary Teaching Approaches: passed 2026-12-01, after the application date');
  });

  it('ignores attainments that are not in the catalogue or not recognised by the pathway', () => {
    const r = evaluatePathway(EDUC581, [pass('FA-8', '2026-01-01'), { ...pass('EMP-8', '2026-01-01'), code: null }], CATALOGUE, DATE);
    expect(r.counted).toEqual([]);
    expect(r.met).toBe(false);
  });
});

describe('n of', () => {
  const twoOfFour = rule({ credentials: CODES, require: { type: 'n_of', n: 2 } });

  it('counts exactly n when nothing else is asked, preferring the most points and hours', () => {
    const r = evaluatePathway(twoOfFour, [pass('EMP-8', '2026-01-01'), pass('FA-8', '2026-02-01'), pass('CST-8', '2026-03-01')], CATALOGUE, DATE);
    expect(r.met).toBe(true);
    expect(r.counted).toHaveLength(2);
    expect(r.checks.find((c) => c.id === 'count')!.reason).toBe('At least 2 of the 4 credentials: 3 valid');
    // FA-8 has fewer hours: it is the one left out.
    expect(r.checks.find((c) => c.code === 'FA-8')!.counted).toBe(false);
    // single credentials inform, the count decides
    expect(r.checks.filter((c) => c.kind === 'credential').every((c) => !c.required)).toBe(true);
  });

  it('fails with fewer than n valid', () => {
    const r = evaluatePathway(twoOfFour, [pass('EMP-8', '2026-01-01'), pass('FA-8', '2019-02-01')], CATALOGUE, DATE);
    expect(r.met).toBe(false);
    expect(r.checks.find((c) => c.id === 'count')).toMatchObject({ ok: false, reason: 'At least 2 of the 4 credentials: 1 valid' });
  });

  it('counts more than n when a minimum of points needs them', () => {
    const p = rule({ credentials: CODES, require: { type: 'n_of', n: 2 }, min_points: 15 });
    const r = evaluatePathway(p, [pass('EMP-8', '2026-01-01'), pass('FA-8', '2026-02-01'), pass('CST-8', '2026-03-01')], CATALOGUE, DATE);
    expect(r.met).toBe(true);
    expect(r.counted).toHaveLength(3);
  });
});

describe('minimum points and hours', () => {
  it('counts until the minimum hours are reached, and no further', () => {
    const p = rule({ credentials: CODES, require: { type: 'any' }, min_hours: 80 });
    const r = evaluatePathway(p, [pass('FA-8', '2026-01-01'), pass('EMP-8', '2026-02-01'), pass('CST-8', '2026-03-01')], CATALOGUE, DATE);
    expect(r.met).toBe(true);
    expect(r.totals.hours).toBe(100);
    expect(r.counted).toHaveLength(2);
    expect(r.checks.find((c) => c.id === 'hours')!.reason).toBe('Hours: 100 counted, at least 80 required');
  });

  it('fails when every valid credential together falls short', () => {
    const p = rule({ credentials: CODES, require: { type: 'any' }, min_points: 12 });
    const r = evaluatePathway(p, [pass('FA-8', '2026-01-01'), pass('EMP-8', '2026-02-01')], CATALOGUE, DATE);
    expect(r.met).toBe(false);
    expect(r.totals.points).toBe(10);
    expect(r.checks.find((c) => c.id === 'points')!.reason).toBe('Credit points: 10 counted, at least 12 required');
  });

  it('uses the points an external record carries', () => {
    const p = rule({ credentials: ['EMP-8'], require: { type: 'any' }, min_points: 7.5 });
    const r = evaluatePathway(p, [pass('EMP-8', '2026-01-01', { points: 7.5 })], CATALOGUE, DATE);
    expect(r.met).toBe(true);
    expect(r.checks.at(-1)!.reason).toBe('Credit points: 7.5 counted, at least 7.5 required');
  });
});

describe('post-test', () => {
  const district = rule({ credentials: CODES, require: { type: 'any' }, min_hours: 30, post_test: { min: 75 } });

  it('passes on a counted credential with a post-test at or above the threshold', () => {
    const r = evaluatePathway(district, [pass('FA-8', '2026-04-12', { postTest: 90 })], CATALOGUE, DATE);
    expect(r.met).toBe(true);
    expect(r.checks.find((c) => c.id === 'post_test')!.reason).toBe('Post-test: 90 % in Formative Assessment, at least 75 % required');
  });

  it('fails below the threshold or without a result', () => {
    expect(evaluatePathway(district, [pass('FA-8', '2026-04-12', { postTest: 71 })], CATALOGUE, DATE).met).toBe(false);
    const none = evaluatePathway(district, [pass('FA-8', '2026-04-12')], CATALOGUE, DATE);
    expect(none.met).toBe(false);
    expect(none.checks.find((c) => c.id === 'post_test')!.reason).toBe('Post-test: no result recorded for a counted credential, at least 75 % required');
  });

  it('counts the credential that carries the passing post-test first', () => {
    const r = evaluatePathway(district, [pass('EMP-8', '2026-01-01', { postTest: 60 }), pass('FA-8', '2026-04-12', { postTest: 80 })], CATALOGUE, DATE);
    expect(r.met).toBe(true);
    expect(r.counted).toHaveLength(1);
    expect(r.checks.find((c) => c.code === 'FA-8')!.counted).toBe(true);
  });

  it('can name the credential the post-test must come from', () => {
    const p = rule({ credentials: CODES, require: { type: 'any' }, min_hours: 30, post_test: { min: 75, credential: 'CST-8' } });
    expect(evaluatePathway(p, [pass('FA-8', '2026-04-12', { postTest: 90 })], CATALOGUE, DATE).met).toBe(false);
    const r = evaluatePathway(p, [pass('FA-8', '2026-04-12', { postTest: 90 }), pass('CST-8', '2026-05-01', { postTest: 78 })], CATALOGUE, DATE);
    expect(r.met).toBe(true);
    expect(r.checks.find((c) => c.id === 'post_test')!.reason).toBe('Post-test: 78 % in Contemporary Secondary Teaching Approaches, at least 75 % required');
  });
});

describe('double counting', () => {
  const used = { application: 'CA-0001', award: 'EDUC 580 Mentoring in Schools', decidedOn: '2026-09-01' };

  it('refuses a credential already counted toward another approved award', () => {
    const r = evaluatePathway(EDUC581, [pass('EMP-8', '2026-03-18', { usedFor: used }), pass('WCL-8', '2026-05-19'), pass('CST-8', '2026-05-03')], CATALOGUE, DATE);
    expect(r.met).toBe(false);
    expect(r.checks[0]).toMatchObject({
      ok: false,
      status: 'used',
      reason: 'Effective Mentoring Practices: already counted toward EDUC 580 Mentoring in Schools (CA-0001, approved 2026-09-01)',
    });
  });

  it('lets it count where the pathway allows it, and says so', () => {
    const p = rule({ credentials: ['EMP-8', 'WCL-8', 'CST-8'], allow_double_counting: true });
    const r = evaluatePathway(p, [pass('EMP-8', '2026-03-18', { usedFor: used }), pass('WCL-8', '2026-05-19'), pass('CST-8', '2026-05-03')], CATALOGUE, DATE);
    expect(r.met).toBe(true);
    expect(r.checks[0]!.reason).toContain('also counted toward EDUC 580');
  });

  it('prefers an unused attainment of the same credential', () => {
    const r = evaluatePathway(
      EDUC581,
      [pass('EMP-8', '2026-03-18', { usedFor: used, key: 'portfolio:A' }), pass('EMP-8', '2025-01-01', { key: 'external:9', source: 'external' }), pass('WCL-8', '2026-05-19'), pass('CST-8', '2026-05-03')],
      CATALOGUE,
      DATE,
    );
    expect(r.met).toBe(true);
    expect(r.counted).toContain('external:9');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties

const dayArb = fc.integer({ min: 0, max: 4000 });
const isoFromDay = (d: number) => new Date(Date.UTC(2018, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);

const attainmentArb = fc.record({
  id: fc.integer({ min: 1, max: 1_000_000 }),
  code: fc.option(fc.constantFrom(...CODES), { nil: null, freq: 8 }),
  awarded: dayArb,
  validity: fc.option(fc.integer({ min: 30, max: 3000 }), { nil: null }),
  points: fc.constantFrom(0, 2.5, 5, 10),
  hours: fc.constantFrom(0, 10, 30, 50),
  postTest: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  used: fc.boolean(),
  external: fc.boolean(),
});
type Gen = { id: number; code: string | null; awarded: number; validity: number | null; points: number; hours: number; postTest: number | null; used: boolean; external: boolean };
const toAttainment = (g: Gen): Attainment => ({
  key: `${g.external ? 'external' : 'portfolio'}:${g.id}`,
  code: g.code,
  title: g.code ?? 'Other',
  source: g.external ? 'external' : 'app',
  issuer: 'x',
  awardedOn: isoFromDay(g.awarded),
  expiresOn: g.validity === null ? null : isoFromDay(g.awarded + g.validity),
  points: g.points,
  hours: g.hours,
  attempt: g.external ? null : 1,
  portfolioId: null,
  postTest: g.postTest,
  usedFor: g.used ? { application: 'CA-1', award: 'X', decidedOn: '2020-01-01' } : null,
});
const attainmentsArb = fc.uniqueArray(attainmentArb, { selector: (g) => `${g.external}:${g.id}`, maxLength: 10 }).map((gs) => gs.map(toAttainment));

const ruleArb: fc.Arbitrary<Pick<Pathway, 'rule'>> = fc
  .record({
    credentials: fc.shuffledSubarray(CODES, { minLength: 1 }),
    kind: fc.constantFrom('all_of', 'n_of', 'any'),
    n: fc.integer({ min: 1, max: 4 }),
    minPoints: fc.option(fc.constantFrom(5, 10, 15), { nil: undefined }),
    minHours: fc.option(fc.constantFrom(30, 50, 100), { nil: undefined }),
    post: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    allow: fc.boolean(),
  })
  .map((r) => {
    const require =
      r.kind === 'n_of' ? { type: 'n_of' as const, n: Math.min(r.n, r.credentials.length) } : r.kind === 'any' && r.minPoints === undefined && r.minHours === undefined ? { type: 'all_of' as const } : { type: r.kind as 'all_of' | 'any' };
    return rule({
      credentials: r.credentials,
      require,
      min_points: r.minPoints,
      min_hours: r.minHours,
      post_test: r.post === undefined ? undefined : { min: r.post },
      allow_double_counting: r.allow,
    });
  });

const dateArb = dayArb.map(isoFromDay);

describe('properties', () => {
  it('counts only credentials the pathway recognises that are valid on the date, each credential at most once, and totals what it counts', () => {
    fc.assert(
      fc.property(ruleArb, attainmentsArb, dateArb, (p, atts, date) => {
        const r = evaluatePathway(p, atts, CATALOGUE, date);
        const counted = r.counted.map((k) => atts.find((a) => a.key === k)!);
        for (const a of counted) {
          expect(p.rule.credentials).toContain(a.code);
          expect(attainmentStatus(a, date, p.rule.allow_double_counting)).toBe('valid');
          expect(a.awardedOn <= date).toBe(true);
          if (a.expiresOn) expect(date < a.expiresOn).toBe(true);
          if (!p.rule.allow_double_counting) expect(a.usedFor).toBeNull();
        }
        expect(new Set(counted.map((a) => a.code)).size).toBe(counted.length);
        expect(r.totals.points).toBeCloseTo(counted.reduce((s, a) => s + a.points, 0));
        expect(r.totals.hours).toBeCloseTo(counted.reduce((s, a) => s + a.hours, 0));
      }),
      { numRuns: 400 },
    );
  });

  it('when met, every requirement really holds', () => {
    fc.assert(
      fc.property(ruleArb, attainmentsArb, dateArb, (p, atts, date) => {
        const r = evaluatePathway(p, atts, CATALOGUE, date);
        if (!r.met) return;
        const codes = new Set(r.counted.map((k) => atts.find((a) => a.key === k)!.code));
        if (p.rule.require.type === 'all_of') for (const c of p.rule.credentials) expect(codes.has(c)).toBe(true);
        if (p.rule.require.type === 'n_of') expect(codes.size).toBeGreaterThanOrEqual(p.rule.require.n);
        if (p.rule.min_points !== undefined) expect(r.totals.points).toBeGreaterThanOrEqual(p.rule.min_points);
        if (p.rule.min_hours !== undefined) expect(r.totals.hours).toBeGreaterThanOrEqual(p.rule.min_hours);
        if (p.rule.post_test) expect(r.counted.some((k) => (atts.find((a) => a.key === k)!.postTest ?? -1) >= p.rule.post_test!.min)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('does not depend on the order attainments arrive in', () => {
    fc.assert(
      fc.property(ruleArb, attainmentsArb, dateArb, fc.nat(), (p, atts, date, seed) => {
        const shuffled = [...atts].sort((a, b) => ((a.key.length * 31 + seed) % 7) - ((b.key.length * 17 + seed) % 5));
        expect(evaluatePathway(p, shuffled, CATALOGUE, date)).toEqual(evaluatePathway(p, atts, CATALOGUE, date));
      }),
      { numRuns: 200 },
    );
  });

  it('gaining a valid credential never turns a met pathway into an unmet one', () => {
    fc.assert(
      fc.property(ruleArb, attainmentsArb, attainmentArb, dateArb, (p, atts, extraGen, date) => {
        const extra = toAttainment({ ...extraGen, id: 9_999_999 });
        if (attainmentStatus(extra, date, p.rule.allow_double_counting) !== 'valid') return;
        if (evaluatePathway(p, atts, CATALOGUE, date).met) expect(evaluatePathway(p, [...atts, extra], CATALOGUE, date).met).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('credentials that do not count (expired, not yet awarded, already used, unrecognised) change nothing', () => {
    fc.assert(
      fc.property(ruleArb, attainmentsArb, attainmentArb, dateArb, (p, atts, extraGen, date) => {
        const extra = toAttainment({ ...extraGen, id: 9_999_999 });
        const counts = extra.code !== null && p.rule.credentials.includes(extra.code) && attainmentStatus(extra, date, p.rule.allow_double_counting) === 'valid';
        if (counts) return;
        const before = evaluatePathway(p, atts, CATALOGUE, date);
        const after = evaluatePathway(p, [...atts, extra], CATALOGUE, date);
        expect(after.met).toBe(before.met);
        expect(after.counted).toEqual(before.counted);
        expect(after.totals).toEqual(before.totals);
      }),
      { numRuns: 400 },
    );
  });

  it('with double counting forbidden, marking a counted credential as used elsewhere takes it out', () => {
    fc.assert(
      fc.property(ruleArb, attainmentsArb, dateArb, (p, atts, date) => {
        const strict = { rule: { ...p.rule, allow_double_counting: false } };
        const r = evaluatePathway(strict, atts, CATALOGUE, date);
        if (r.counted.length === 0) return;
        const target = r.counted[0]!;
        const marked = atts.map((a) => (a.key === target ? { ...a, usedFor: { application: 'CA-9', award: 'Y', decidedOn: date } } : a));
        expect(evaluatePathway(strict, marked, CATALOGUE, date).counted).not.toContain(target);
      }),
      { numRuns: 200 },
    );
  });

  it('addYearsIso always yields a real date, later than the start, and the same day of month unless clamped', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 40 }), (d, halfYears) => {
        const from = isoFromDay(d);
        const to = addYearsIso(from, halfYears / 2);
        expect(Number.isNaN(Date.parse(`${to}T00:00:00Z`))).toBe(false);
        expect(new Date(`${to}T00:00:00Z`).toISOString().slice(0, 10)).toBe(to);
        expect(to > from).toBe(true);
        if (Number(from.slice(8)) <= 28) expect(to.slice(8)).toBe(from.slice(8));
      }),
    );
  });
});
