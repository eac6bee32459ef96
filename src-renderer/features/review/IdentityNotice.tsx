import { Alert, Badge, Text, Tooltip } from '@mantine/core';
import type { PortfolioDetail } from '../../../src-shared/contracts/portfolio';
import { identityWarning } from '../../../src-shared/domain/anonymity';

type Identity = PortfolioDetail['identity'];

/**
 * Anonymous review, said plainly: a reviewer is told that evidence may still name the candidate (redaction of page
 * content is not done); a lead sees where the import found the candidate named. Nothing when review is open.
 */
export function IdentityNotice({ identity, variant }: { identity: Identity; variant: 'viewer' | 'badge' | 'alert' }) {
  if (identity.withheld) {
    if (variant === 'badge') return null;
    return (
      <Text size="xs" px="xs" py={4} bg="yellow.0" c="dark.6" role="note" data-testid="identity-notice">
        Anonymous review: the candidate&apos;s name is withheld here, but the evidence itself may still name them. Judge the evidence, not the person.
      </Text>
    );
  }
  if (!identity.anonymousReview || identity.findings.length === 0 || variant === 'viewer') return null;
  const warning = identityWarning(identity.findings);
  if (variant === 'alert')
    return (
      <Alert color="orange" title="Anonymous review" data-testid="identity-warning">
        {warning}. Reviewers see a pseudonym and PDFs without their metadata; page content is not redacted.
      </Alert>
    );
  return (
    <Tooltip label={warning} multiline maw={420}>
      <Badge color="orange" variant="light" tabIndex={0} aria-label={warning} data-testid="identity-warning">
        May identify the candidate
      </Badge>
    </Tooltip>
  );
}
