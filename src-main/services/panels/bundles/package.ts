/**
 * A portfolio as an importable package again (manifest.json in the importer's format + its evidence files from the
 * content store), rebuilt from the database, with the candidate's identity left out when review is anonymous.
 */
import type { ServiceContext } from '../../context';
import { WITHHELD_EMAIL_DOMAIN, withheldCandidate } from '../anonymity';
import { pseudonymCode } from '../pseudonym';

/**
 * The candidate as the bundle carries them: the same keyed pseudonym the Anonymizer shows reviewers online (so lead
 * and reviewer talk of one "Candidate …"). The reviewer's side uses what the bundle carries; it cannot recompute it.
 */
export function anonymousCandidate(ctx: ServiceContext, candidateId: string) {
  const code = pseudonymCode(ctx.dataDir, candidateId);
  // The manifest needs an email: one that names nobody and goes nowhere.
  return { ...withheldCandidate(code), email: `anon-${code.toLowerCase()}@${WITHHELD_EMAIL_DOMAIN}` };
}

export interface PackageFile {
  /** Path inside the package folder. */
  file: string;
  sha256: string;
  bytes: number;
}

export interface BuiltPackage {
  id: string;
  manifest: Record<string, unknown>;
  files: PackageFile[];
}

/** An evidence file's anonymous name: the evidence id and the original extension, nothing of the original name. */
function anonymousName(evidenceId: string, original: string, suffix = ''): string {
  const dot = original.lastIndexOf('.');
  const ext = dot > original.lastIndexOf('/') && dot >= 0 ? original.slice(dot).toLowerCase() : '';
  return `${evidenceId}${suffix}${/^\.[a-z0-9]{1,8}$/.test(ext) ? ext : ''}`;
}

interface PortfolioRow {
  id: string;
  candidate_id: string;
  candidate_name: string;
  school: string;
  district: string;
  credential_code: string;
  attempt: number;
  resubmission_of: string | null;
  submitted_at: string;
  test_pre: number | null;
  test_post: number | null;
}

export async function buildPackage(ctx: ServiceContext, portfolioId: string, anonymous: boolean): Promise<BuiltPackage> {
  const q = async <T>(sql: string, ...args: unknown[]) => (await ctx.db.all(sql, args)) as T[];
  const p = (await ctx.db.get('SELECT * FROM portfolios WHERE id = ?', [portfolioId])) as PortfolioRow | undefined;
  if (!p) throw new Error(`no portfolio ${portfolioId}`);
  const email = ((await ctx.db.get('SELECT email FROM candidates WHERE id = ?', [p.candidate_id])) as { email: string } | undefined)?.email ?? '';
  const candidate = anonymous
    ? anonymousCandidate(ctx, p.candidate_id)
    : { id: p.candidate_id, name: p.candidate_name, email, school: p.school, district: p.district };
  const responses = await q<{ prompt: string; text: string }>('SELECT prompt, text FROM responses WHERE portfolio_id = ? ORDER BY position', p.id);
  // An anonymous bundle carries the PDF copies without metadata, as reviewers get them online.
  const items = await q<{ evidence_id: string; title: string; kind: string; media_type: string; bytes: number; sha256: string; file_name: string }>(
    anonymous
      ? `SELECT e.evidence_id, e.title, e.kind, e.media_type, coalesce(b.bytes, e.bytes) AS bytes, coalesce(e.stripped_sha256, e.sha256) AS sha256, e.file_name
         FROM evidence e LEFT JOIN blobs b ON b.sha256 = e.stripped_sha256 WHERE e.portfolio_id = ? ORDER BY e.position`
      : 'SELECT evidence_id, title, kind, media_type, bytes, sha256, file_name FROM evidence WHERE portfolio_id = ? ORDER BY position',
    p.id,
  );
  // In the order the portfolio shows them (the table keeps no manifest order that both databases could give back).
  const criteria = await q<{ evidence_id: string; criterion_id: string }>(
    'SELECT evidence_id, criterion_id FROM evidence_criteria WHERE portfolio_id = ? ORDER BY evidence_id, criterion_id',
    p.id,
  );
  const captions = await q<{ evidence_id: string; sha256: string; srclang: string; label: string; file_name: string; bytes: number }>(
    `SELECT c.evidence_id, c.sha256, c.srclang, c.label, c.file_name, b.bytes FROM evidence_captions c JOIN blobs b ON b.sha256 = c.sha256
     WHERE c.portfolio_id = ? ORDER BY c.evidence_id, c.position`,
    p.id,
  );
  const files: PackageFile[] = [];
  const evidence = items.map((e) => {
    const file = anonymous ? anonymousName(e.evidence_id, e.file_name) : e.file_name;
    files.push({ file, sha256: e.sha256, bytes: e.bytes });
    const tracks = captions
      .filter((c) => c.evidence_id === e.evidence_id)
      .map((c, i) => {
        const name = anonymous ? anonymousName(e.evidence_id, c.file_name, `.captions-${i + 1}`) : c.file_name;
        files.push({ file: name, sha256: c.sha256, bytes: c.bytes });
        return { file: name, sha256: c.sha256, bytes: c.bytes, srclang: c.srclang, label: c.label };
      });
    return {
      id: e.evidence_id,
      title: e.title,
      kind: e.kind,
      file,
      media_type: e.media_type,
      bytes: e.bytes,
      sha256: e.sha256,
      criteria: criteria.filter((c) => c.evidence_id === e.evidence_id).map((c) => c.criterion_id),
      captions: tracks,
    };
  });
  const tests =
    p.test_pre !== null || p.test_post !== null
      ? { tests: { ...(p.test_pre !== null ? { pre: p.test_pre } : {}), ...(p.test_post !== null ? { post: p.test_post } : {}) } }
      : {};
  const manifest = {
    format: 'evidence-workbench/portfolio@1',
    id: p.id,
    credential: p.credential_code,
    candidate,
    attempt: p.attempt,
    resubmission_of: p.resubmission_of,
    submitted_at: p.submitted_at,
    responses,
    evidence,
    ...tests,
  };
  return { id: p.id, manifest, files };
}
