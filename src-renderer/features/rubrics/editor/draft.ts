/**
 * The editor's working copy of a rubric. Number fields may be empty while a lead types, so the draft is looser than
 * a Rubric; `toRubricInput` turns it into what RubricDraftSchema checks (an empty number becomes a type error there,
 * reported at its field like every other problem).
 */
import { RubricDraftSchema } from '../../../../src-shared/contracts/calibration';
import type { Rubric } from '../../../../src-shared/domain/rubric';

export type Num = number | '';

export interface DraftLevel {
  key: string;
  score: Num;
  label: string;
  descriptor: string;
}

export interface DraftCriterion {
  key: string;
  id: string;
  title: string;
  guidance: string;
  weight: Num;
  critical: boolean;
  levels: DraftLevel[];
}

export interface Draft {
  id: string;
  version: number;
  title: string;
  criteria: DraftCriterion[];
  ruleType: 'all_at_least' | 'total_at_least';
  minLevel: Num;
  minTotal: Num;
  criticalMin: Num;
  feedbackPass: string;
  feedbackNotYet: string;
}

let counter = 0;
/** Stable React keys for rows that can be added, removed and reordered. */
export const newKey = () => `k${++counter}`;

export const STANDARD_LEVELS: Omit<DraftLevel, 'key'>[] = [
  { score: 1, label: 'Beginning', descriptor: '' },
  { score: 2, label: 'Developing', descriptor: '' },
  { score: 3, label: 'Proficient', descriptor: '' },
  { score: 4, label: 'Exemplary', descriptor: '' },
];

export function blankCriterion(n: number): DraftCriterion {
  return { key: newKey(), id: `criterion-${n}`, title: '', guidance: '', weight: '', critical: false, levels: STANDARD_LEVELS.map((l) => ({ ...l, key: newKey() })) };
}

export function blankDraft(): Draft {
  return {
    id: '',
    version: 1,
    title: '',
    criteria: [blankCriterion(1)],
    ruleType: 'all_at_least',
    minLevel: 3,
    minTotal: '',
    criticalMin: '',
    feedbackPass: '',
    feedbackNotYet: '',
  };
}

export function draftFromRubric(r: Rubric): Draft {
  const rule = r.decision_rule;
  return {
    id: r.id,
    version: r.version,
    title: r.title,
    criteria: r.criteria.map((c) => ({
      key: newKey(),
      id: c.id,
      title: c.title,
      guidance: c.guidance,
      weight: c.weight ?? '',
      critical: c.critical,
      levels: c.levels.map((l) => ({ key: newKey(), score: l.score, label: l.label, descriptor: l.descriptor })),
    })),
    ruleType: rule.type,
    minLevel: rule.type === 'all_at_least' ? rule.min_level : 3,
    minTotal: rule.type === 'total_at_least' ? rule.min_total : '',
    criticalMin: rule.critical_min_level ?? '',
    feedbackPass: r.feedback_templates?.pass ?? '',
    feedbackNotYet: r.feedback_templates?.not_yet ?? '',
  };
}

const n = (v: Num) => (v === '' ? undefined : v);

/** The JSON the server validates and stores (RubricSchema's format), built from the draft as it stands. */
export function toRubricInput(d: Draft): unknown {
  return {
    format: 'evidence-workbench/rubric@1',
    id: d.id.trim(),
    version: d.version,
    title: d.title.trim(),
    criteria: d.criteria.map((c) => ({
      id: c.id.trim(),
      title: c.title.trim(),
      guidance: c.guidance.trim(),
      ...(c.weight === '' ? {} : { weight: c.weight }),
      critical: c.critical,
      levels: c.levels.map((l) => ({ score: l.score === '' ? Number.NaN : l.score, label: l.label.trim(), descriptor: l.descriptor.trim() })),
    })),
    decision_rule:
      d.ruleType === 'all_at_least'
        ? { type: 'all_at_least', min_level: n(d.minLevel), ...(d.criticalMin === '' ? {} : { critical_min_level: d.criticalMin }) }
        : { type: 'total_at_least', min_total: n(d.minTotal), ...(d.criticalMin === '' ? {} : { critical_min_level: d.criticalMin }) },
    feedback_templates: { pass: d.feedbackPass, not_yet: d.feedbackNotYet },
  };
}

export interface Validation {
  rubric: Rubric | null;
  /** Problems keyed by field path (`criteria.0.levels.2.score`), and all of them in reading order. */
  byPath: Map<string, string>;
  all: { path: string; message: string }[];
}

/** Words for a zod path, as the lead sees the form: `criteria.1.levels.0.label` → "Criterion 2, level 1, label". */
export function pathLabel(path: (string | number)[], d: Draft): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const k = path[i];
    if (k === 'criteria' && typeof path[i + 1] === 'number') {
      const c = d.criteria[path[i + 1] as number];
      parts.push(`Criterion ${(path[i + 1] as number) + 1}${c?.title ? ` (${c.title})` : ''}`);
      i++;
    } else if (k === 'levels' && typeof path[i + 1] === 'number') {
      parts.push(`level ${(path[i + 1] as number) + 1}`);
      i++;
    } else if (k === 'decision_rule') parts.push('Decision rule');
    else parts.push(String(k).replace(/_/g, ' '));
  }
  return parts.join(', ');
}

const FRIENDLY: [RegExp, string][] = [
  [/expected number, received NaN|Invalid input: expected number/i, 'a number is needed'],
  [/Too small: expected string to have >=1 characters/i, 'this cannot be empty'],
];

export function validate(d: Draft): Validation {
  const parsed = RubricDraftSchema.safeParse(toRubricInput(d));
  if (parsed.success) return { rubric: parsed.data, byPath: new Map(), all: [] };
  const all = parsed.error.issues.map((i) => {
    const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)) as (string | number)[];
    const friendly = FRIENDLY.find(([re]) => re.test(i.message))?.[1] ?? i.message;
    return { path: path.join('.'), message: path.length ? `${pathLabel(path, d)}: ${friendly}` : friendly, short: friendly };
  });
  const byPath = new Map<string, string>();
  for (const a of all) if (!byPath.has(a.path)) byPath.set(a.path, a.short);
  return { rubric: null, byPath, all: all.map(({ path, message }) => ({ path, message })) };
}
