import type { PortfolioRow } from '../../../src-shared/contracts/queue';
import type { EvidenceView, PortfolioDetail } from '../../../src-shared/contracts/portfolio';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import type { ServiceContext } from '../context';
import { currentPolicy } from './policies';
import { pseudonymCode, pseudonymId, pseudonymName } from './pseudonym';

/** Leads, admins and credit approvers run the panel and see who the candidate is; reviewers and moderators may not. */
export function seesIdentity(actor: Reviewer | null): boolean {
  return actor !== null && actor.roles.some((r) => r === 'lead' || r === 'admin' || r === 'approver');
}

/** An offline review bundle's stand-in address for a withheld candidate (bundles/package.ts): names nobody, goes nowhere. */
export const WITHHELD_EMAIL_DOMAIN = 'anonymous.invalid';

/** The candidate as a viewer who may not see identity is shown them: the keyed pseudonym, nothing else. */
export function withheldCandidate(code: string): PortfolioRow['candidate'] {
  return { id: pseudonymId(code), name: pseudonymName(code), email: '', school: '(withheld)', district: '(withheld)' };
}

/**
 * Redacts what would identify a candidate for an actor who must not know, where the credential's policy asks for
 * anonymous review: name, email, id, school and district, the original evidence file names, and PDF metadata (the
 * stripped copy made at import is served instead of the original).
 */
export class Anonymizer {
  private readonly cache = new Map<string, boolean>();

  constructor(
    private readonly ctx: ServiceContext,
    private readonly actor: Reviewer | null,
  ) {}

  async hides(credential: string): Promise<boolean> {
    if (seesIdentity(this.actor)) return false;
    if (!this.cache.has(credential)) this.cache.set(credential, (await currentPolicy(this.ctx, credential)).anonymous);
    return this.cache.get(credential)!;
  }

  async row<T extends PortfolioRow>(row: T): Promise<T> {
    if (!(await this.hides(row.credential.code))) return row;
    return { ...row, candidate: withheldCandidate(pseudonymCode(this.ctx.dataDir, row.candidate.id)) };
  }

  /** Evidence of a portfolio as this actor gets it: renamed to its id, PDFs as their copy without metadata. */
  async evidence(credential: string, portfolioId: string, items: EvidenceView[]): Promise<EvidenceView[]> {
    if (!(await this.hides(credential))) return items;
    const stripped = new Map(
      (
        (await this.ctx.db.all(
          'SELECT e.evidence_id AS id, b.sha256, b.bytes FROM evidence e JOIN blobs b ON b.sha256 = e.stripped_sha256 WHERE e.portfolio_id = ?',
          [portfolioId],
        )) as { id: string; sha256: string; bytes: number }[]
      ).map((e) => [e.id, e]),
    );
    return items.map((e) => ({
      ...e,
      sha256: stripped.get(e.id)?.sha256 ?? e.sha256,
      bytes: stripped.get(e.id)?.bytes ?? e.bytes,
      fileName: `${e.id}${e.fileName.includes('.') ? e.fileName.slice(e.fileName.lastIndexOf('.')) : ''}`,
    }));
  }

  async detail(d: PortfolioDetail): Promise<PortfolioDetail> {
    // On a reviewer's own machine, a portfolio from an anonymous bundle already carries only the pseudonym.
    if (d.candidate.email.endsWith(`@${WITHHELD_EMAIL_DOMAIN}`)) return { ...d, identity: { anonymousReview: true, withheld: true, findings: [] } };
    if (!(await this.hides(d.credential.code))) return d;
    return {
      ...(await this.row(d)),
      evidence: await this.evidence(d.credential.code, d.id, d.evidence),
      // Where the evidence names the candidate is for the lead, not a pointer for the reviewer.
      identity: { ...d.identity, withheld: true, findings: [] },
    };
  }
}
