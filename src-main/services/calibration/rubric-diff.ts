/** What changed between two versions of a rubric: criteria, their levels and the decision rule, field by field. */
import type { RubricDiff } from '../../../src-shared/contracts/calibration';
import type { Criterion, Rubric } from '../../../src-shared/domain/rubric';

type Change = RubricDiff['criteria'][number]['change'];

const show = (v: unknown): string => (v === undefined || v === null || v === '' ? '—' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v));

function fieldChanges(pairs: [string, unknown, unknown][]): { field: string; from: string; to: string }[] {
  return pairs.filter(([, a, b]) => show(a) !== show(b)).map(([field, a, b]) => ({ field, from: show(a), to: show(b) }));
}

function ruleText(r: Rubric['decision_rule']): [string, unknown][] {
  return [
    ['rule', r.type === 'all_at_least' ? 'every criterion at least a level' : 'total at least'],
    ['minimum level', r.type === 'all_at_least' ? r.min_level : undefined],
    ['pass total', r.type === 'total_at_least' ? r.min_total : undefined],
    ['critical minimum', r.critical_min_level],
  ];
}

function levelDiff(a: Criterion | undefined, b: Criterion | undefined): RubricDiff['criteria'][number]['levels'] {
  const scores = [...new Set([...(a?.levels ?? []), ...(b?.levels ?? [])].map((l) => l.score))].sort((x, y) => x - y);
  return scores.map((score) => {
    const la = a?.levels.find((l) => l.score === score);
    const lb = b?.levels.find((l) => l.score === score);
    const fields = fieldChanges([
      ['label', la?.label, lb?.label],
      ['descriptor', la?.descriptor, lb?.descriptor],
    ]);
    const change: Change = !la ? 'added' : !lb ? 'removed' : fields.length ? 'changed' : 'unchanged';
    return { score, change, fields };
  });
}

export function diffRubrics(a: Rubric, b: Rubric): RubricDiff {
  const ids = [...b.criteria.map((c) => c.id), ...a.criteria.map((c) => c.id).filter((id) => !b.criteria.some((c) => c.id === id))];
  const ra = ruleText(a.decision_rule);
  const rb = ruleText(b.decision_rule);
  return {
    id: b.id,
    from: a.version,
    to: b.version,
    title: a.title !== b.title ? { field: 'title', from: a.title, to: b.title } : null,
    rule: fieldChanges(ra.map(([field, va], i) => [field, va, rb[i]![1]] as [string, unknown, unknown])),
    criteria: ids.map((id) => {
      const ca = a.criteria.find((c) => c.id === id);
      const cb = b.criteria.find((c) => c.id === id);
      const posA = a.criteria.findIndex((c) => c.id === id);
      const posB = b.criteria.findIndex((c) => c.id === id);
      const fields = fieldChanges([
        ['title', ca?.title, cb?.title],
        ['guidance', ca?.guidance, cb?.guidance],
        ['weight', ca?.weight ?? (ca ? 1 : undefined), cb?.weight ?? (cb ? 1 : undefined)],
        ['critical', ca?.critical, cb?.critical],
        ['position', ca ? posA + 1 : undefined, cb ? posB + 1 : undefined],
      ]);
      const levels = levelDiff(ca, cb);
      const change: Change = !ca ? 'added' : !cb ? 'removed' : fields.length || levels.some((l) => l.change !== 'unchanged') ? 'changed' : 'unchanged';
      return { id, title: (cb ?? ca)!.title, change, fields: ca && cb ? fields : [], levels };
    }),
  };
}
