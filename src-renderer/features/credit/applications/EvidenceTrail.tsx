import { Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import type { AttemptTrail, ExternalCredential } from '../../../../src-shared/contracts/credit';
import { OUTCOME_LABEL } from '../../../../src-shared/domain/rubric';
import { api } from '../../../api/transport';
import { useDownload } from '../shared/download';
import { calendarDay, day, SOURCE_LABEL } from '../shared/format';
import { ErrorAlert, Link } from '../shared/ui';

/** Who reviewed an attempt, how the decision was reached (one review, two agreeing, moderation, correction). */
export function AttemptEvidence({ attempt, badge = true }: { attempt: AttemptTrail; badge?: boolean }) {
  const decision = attempt.decisions.at(-1);
  const download = useDownload((portfolioId: string) => api.call('credit.badge', { portfolioId }));
  const reviews = attempt.reviews.filter((r) => r.kind === 'review');
  const moderations = attempt.reviews.filter((r) => r.kind === 'moderation');
  return (
    <Stack gap={4} data-testid={`trail-${attempt.portfolioId}`}>
      <Group gap="xs" wrap="wrap">
        <Link to={`/review/${encodeURIComponent(attempt.portfolioId)}`} ff="monospace" size="sm" fw={600}>
          {attempt.portfolioId}
        </Link>
        <Text size="sm">attempt {attempt.attempt}</Text>
        {decision && (
          <Badge variant="light" color={decision.source === 'moderation' ? 'grape' : 'gray'}>
            {SOURCE_LABEL[decision.source]}
          </Badge>
        )}
        {attempt.moderated && decision?.source !== 'moderation' && (
          <Badge variant="light" color="grape">
            Moderated
          </Badge>
        )}
        {!attempt.moderated && <Text size="xs" c="dimmed">not moderated</Text>}
      </Group>
      <List size="sm" spacing={2}>
        {reviews.length === 0 && <List.Item>No review recorded in this app (decision recorded directly).</List.Item>}
        {reviews.map((r, i) => (
          <List.Item key={`r${i}`}>
            Reviewed by {r.reviewerName}
            {r.outcome ? `: ${OUTCOME_LABEL[r.outcome]}` : ''}
            {r.submittedAt ? `, ${day(r.submittedAt)}` : ''}
          </List.Item>
        ))}
        {moderations.map((r, i) => (
          <List.Item key={`m${i}`}>
            Moderated by {r.reviewerName}
            {r.outcome ? `: ${OUTCOME_LABEL[r.outcome]}` : ''}
            {r.submittedAt ? `, ${day(r.submittedAt)}` : ''}
          </List.Item>
        ))}
        {attempt.decisions.map((d) => (
          <List.Item key={`d${d.revision}`}>
            Decision{attempt.decisions.length > 1 ? ` (revision ${d.revision})` : ''}: {OUTCOME_LABEL[d.outcome]} by {d.decidedByName}, {day(d.decidedAt)}
            {d.reason ? ` (${d.reason})` : ''}
          </List.Item>
        ))}
      </List>
      {badge && attempt.outcome === 'pass' && (
        <Group gap="xs">
          <Button size="xs" variant="light" loading={download.isPending} onClick={() => download.mutate(attempt.portfolioId)} aria-label={`Open Badge (JSON) for ${attempt.credential.title}`}>
            Open Badge (JSON)
          </Button>
          <ErrorAlert error={download.error} title="The badge could not be made" />
        </Group>
      )}
    </Stack>
  );
}

/** Where a credential earned elsewhere came from: its issuer and the file it was imported from. */
const VERIFICATION_WORD: Record<ExternalCredential['verification'], string> = { verified: 'Verified', attested: 'Attested', unverified: 'Unverified: does not count' };
const VERIFICATION_COLOR: Record<ExternalCredential['verification'], string> = { verified: 'teal', attested: 'blue', unverified: 'red' };

export function ExternalEvidence({ external }: { external: ExternalCredential }) {
  return (
    <Stack gap={2} data-testid={`trail-${external.key}`}>
      <Group gap="xs">
        <Badge variant="light" color="orange">
          Earned elsewhere
        </Badge>
        <Text size="sm">
          {external.issuer}, awarded {calendarDay(external.awardedOn)}
          {external.expiresOn ? `, expires ${calendarDay(external.expiresOn)}` : ''}
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        Imported from {external.source === 'badge' ? 'an Open Badges credential' : 'a CSV file'} ({external.sourceFile}, {external.sourceRef}) on {day(external.importedAt)} by {external.importedBy}
      </Text>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Badge variant="light" size="sm" color={VERIFICATION_COLOR[external.verification]} style={{ flexShrink: 0 }}>
          {VERIFICATION_WORD[external.verification]}
        </Badge>
        <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
          {external.verificationNote}
        </Text>
      </Group>
    </Stack>
  );
}
