import Papa from 'papaparse';
import { MAX_LINE_TEXT, oversizeTextReason, unsafeTextReason } from '../../../src-shared/domain/text';
import { z } from 'zod';
import { isIsoDate } from '../../../src-shared/domain/pathway';
import type { ImportProblem } from '../import/problems';

/**
 * Credentials earned elsewhere, one per line (UTF-8, comma separated, header row; a byte-order mark is fine):
 * candidate_id, candidate_email, candidate_name, credential_code and/or credential_title, issuer, awarded_on
 * (YYYY-MM-DD), and optionally expires_on, points, hours, school, district.
 */
export const EXTERNAL_CSV_COLUMNS = [
  'candidate_id',
  'candidate_email',
  'candidate_name',
  'credential_code',
  'credential_title',
  'issuer',
  'awarded_on',
  'expires_on',
  'points',
  'hours',
  'school',
  'district',
] as const;
const REQUIRED = ['candidate_id', 'candidate_email', 'candidate_name', 'issuer', 'awarded_on'] as const;

export interface ExternalRow {
  line: number;
  candidateId: string;
  email: string;
  name: string;
  code: string;
  title: string;
  issuer: string;
  awardedOn: string;
  expiresOn: string | null;
  points: number | null;
  hours: number | null;
  school: string;
  district: string;
}

const Email = z.email();
const Id = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/);

/** Parses the file, naming the line and column of every problem; nothing is returned unless every line is right. */
export function parseExternalCsv(file: string, text: string, today: string): { rows: ExternalRow[]; problems: ImportProblem[] } {
  const oversize = oversizeTextReason(text);
  if (oversize) return { rows: [], problems: [{ source: file, reason: oversize }] };
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header, ...data] = parsed.data;
  const cols = (header ?? []).map((h) => h.trim().toLowerCase());
  const problems: ImportProblem[] = [];
  const missing = REQUIRED.filter((c) => !cols.includes(c));
  if (!cols.includes('credential_code') && !cols.includes('credential_title')) missing.push('credential_code or credential_title' as never);
  if (missing.length) {
    problems.push({ source: file, field: 'line 1', reason: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (columns: ${EXTERNAL_CSV_COLUMNS.join(', ')})` });
    return { rows: [], problems };
  }
  const unknown = cols.filter((c) => c && !(EXTERNAL_CSV_COLUMNS as readonly string[]).includes(c));
  if (unknown.length) problems.push({ source: file, field: 'line 1', reason: `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}` });
  const rows: ExternalRow[] = [];
  data.forEach((cells, i) => {
    const line = i + 2;
    const at = (c: string) => (cols.includes(c) ? (cells[cols.indexOf(c)] ?? '').trim() : '');
    const fail = (field: string, reason: string) => problems.push({ source: file, field: `line ${line}, ${field}`, reason });
    const num = (field: string): number | null => {
      const v = at(field);
      if (!v) return null;
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0) {
        fail(field, `"${v}" is not a number of zero or more`);
        return null;
      }
      return n;
    };
    const r: ExternalRow = {
      line,
      candidateId: at('candidate_id'),
      email: at('candidate_email'),
      name: at('candidate_name'),
      code: at('credential_code'),
      title: at('credential_title'),
      issuer: at('issuer'),
      awardedOn: at('awarded_on'),
      expiresOn: at('expires_on') || null,
      points: num('points'),
      hours: num('hours'),
      school: at('school'),
      district: at('district'),
    };
    for (const [field, value] of [['candidate_name', r.name], ['candidate_email', r.email], ['credential_title', r.title], ['issuer', r.issuer], ['school', r.school], ['district', r.district]] as const) {
      const unsafe = value.length > MAX_LINE_TEXT ? `is longer than ${MAX_LINE_TEXT} characters` : unsafeTextReason(value);
      if (unsafe) fail(field, unsafe);
    }
    if (r.candidateId && !Id.safeParse(r.candidateId).success) fail('candidate_id', `"${r.candidateId}" may use only letters, digits, . _ - (at most 64)`);
    if (!r.email) fail('candidate_email', 'missing');
    else if (!Email.safeParse(r.email).success) fail('candidate_email', `"${r.email}" is not an email address`);
    if (!r.name) fail('candidate_name', 'missing');
    if (!r.code && !r.title) fail('credential_code', 'give the credential code or its title');
    if (!r.issuer) fail('issuer', 'missing');
    if (!isIsoDate(r.awardedOn)) fail('awarded_on', r.awardedOn ? `"${r.awardedOn}" is not a date (YYYY-MM-DD)` : 'missing');
    else if (r.awardedOn > today) fail('awarded_on', `${r.awardedOn} is in the future`);
    if (r.expiresOn !== null) {
      if (!isIsoDate(r.expiresOn)) fail('expires_on', `"${r.expiresOn}" is not a date (YYYY-MM-DD)`);
      else if (isIsoDate(r.awardedOn) && r.expiresOn <= r.awardedOn) fail('expires_on', `${r.expiresOn} is not after awarded_on ${r.awardedOn}`);
    }
    rows.push(r);
  });
  if (data.length === 0) problems.push({ source: file, reason: 'no credentials in the file (only a header)' });
  return { rows, problems };
}
