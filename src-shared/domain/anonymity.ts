/** How a lead reads where evidence names its candidate (the same words in the app, the CLI and the import report). */
import type { IdentityFinding } from '../contracts/portfolio';

/** "E1 p.3 (name)", "response 1 (school)". */
export function describeFinding(f: IdentityFinding): string {
  return `${f.evidence ? `${f.evidence} ` : ''}${f.location} (${f.field})`;
}

export function identityWarning(findings: IdentityFinding[]): string {
  return `Evidence may identify the candidate: ${findings.map(describeFinding).join(', ')}`;
}
