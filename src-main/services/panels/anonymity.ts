import crypto from 'node:crypto';
import type { PortfolioRow } from '../../../src-shared/contracts/queue';
import type { PortfolioDetail } from '../../../src-shared/contracts/portfolio';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import type { ServiceContext } from '../context';
import { currentPolicy } from './policies';

/** Leads, admins and credit approvers run the panel and see who the candidate is; reviewers and moderators may not. */
export function seesIdentity(actor: Reviewer | null): boolean {
  return actor !== null && actor.roles.some((r) => r === 'lead' || r === 'admin' || r === 'approver');
}

const pseudonym = (candidateId: string) => `Candidate ${crypto.createHash('sha256').update(candidateId).digest('hex').slice(0, 6).toUpperCase()}`;

/**
 * Redacts what would identify a candidate for an actor who must not know, where the credential's policy asks for
 * anonymous review: name, email, id, school and district, and the original evidence file names.
 */
export class Anonymizer {
  private readonly cache = new Map<string, boolean>();

  constructor(
    private readonly ctx: ServiceContext,
    private readonly actor: Reviewer | null,
  ) {}

  hides(credential: string): boolean {
    if (seesIdentity(this.actor)) return false;
    if (!this.cache.has(credential)) this.cache.set(credential, currentPolicy(this.ctx, credential).anonymous);
    return this.cache.get(credential)!;
  }

  row<T extends PortfolioRow>(row: T): T {
    if (!this.hides(row.credential.code)) return row;
    const name = pseudonym(row.candidate.id);
    return { ...row, candidate: { id: name.replace('Candidate ', 'anon-'), name, email: '', school: '(withheld)', district: '(withheld)' } };
  }

  detail(d: PortfolioDetail): PortfolioDetail {
    if (!this.hides(d.credential.code)) return d;
    return {
      ...this.row(d),
      evidence: d.evidence.map((e) => ({ ...e, fileName: `${e.id}${e.fileName.includes('.') ? e.fileName.slice(e.fileName.lastIndexOf('.')) : ''}` })),
    };
  }
}
