import { diffFields, formatChanges, type FieldChange } from '../../../src-shared/domain/changes';
import type { Credential } from '../../../src-shared/domain/credential';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import type { CandidateBrief } from '../../../src-shared/contracts/credit';
import { requireRole } from '../reviewers';
import { ImportError, type ImportProblem } from './problems';

/**
 * An import that would change records already here (reviewers, candidates, credentials, pathways) and was not asked
 * to: refused, naming every changed field, so nobody's roles, identity or credit points move without a lead saying so.
 */
export class ExistingRecordsError extends ImportError {
  constructor(
    readonly changes: FieldChange[],
    others: ImportProblem[] = [],
  ) {
    super([...others, ...formatChanges(changes).map((line) => ({ source: line.slice(0, line.indexOf(':')), reason: line.slice(line.indexOf(':') + 2) }))]);
    this.message =
      `import refused, nothing was imported: ${this.summary}; to apply these changes, a lead or admin runs it again with --update-existing:\n` +
      this.message.slice(this.message.indexOf('\n') + 1);
  }

  /** "it would change 2 existing records" */
  get summary(): string {
    const n = new Set(this.changes.map((c) => `${c.entity} ${c.id}`)).size;
    return `it would change ${n} existing record${n === 1 ? '' : 's'}`;
  }
}

/**
 * The check of the all-or-nothing phase: changes to existing records refuse the import unless `updateExisting`, and
 * only a lead or admin may ask for it (the CLI's operator holds every role).
 */
export function requireUpdatePermission(changes: FieldChange[], options: { updateExisting?: boolean; caller: Reviewer }, others: ImportProblem[] = []): void {
  if (changes.length === 0) return;
  if (!options.updateExisting) throw new ExistingRecordsError(changes, others);
  requireRole(options.caller, 'lead', 'admin');
}

export const CANDIDATE_FIELDS = ['name', 'email', 'school', 'district'] as const;

export function candidateChanges(before: CandidateBrief, after: CandidateBrief): FieldChange[] {
  return diffFields('candidate', before.id, before, after, CANDIDATE_FIELDS);
}

const credentialView = (c: Credential) => ({ ...c, rubric: `${c.rubric.id}@${c.rubric.version}` });

export function credentialChanges(before: Credential, after: Credential): FieldChange[] {
  return diffFields('credential', before.code, credentialView(before), credentialView(after), ['title', 'provider', 'level', 'credit_points', 'hours', 'validity_years', 'rubric']);
}
