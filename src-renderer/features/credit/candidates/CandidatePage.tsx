import { useState } from 'react';
import { Badge, Button, Card, Grid, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import type { AttainmentView, CandidateRecord } from '../../../../src-shared/contracts/credit';
import { OUTCOME_LABEL } from '../../../../src-shared/domain/rubric';
import { useApiQuery } from '../../../api/queries';
import { NewApplicationModal } from '../applications/NewApplicationModal';
import { AttemptEvidence, ExternalEvidence } from '../applications/EvidenceTrail';
import { calendarDay, day, num } from '../shared/format';
import { ErrorAlert, Link, Loading, PageHeader, RequireCreditRole, StatusBadge } from '../shared/ui';
import { DuplicatesCard } from './DuplicatesCard';
import { ExternalImportCard } from './ExternalImportCard';

export function CandidatePage() {
  return (
    <RequireCreditRole>
      <Candidate />
    </RequireCreditRole>
  );
}

const STATUS_WORD: Record<AttainmentView['status'], string> = { valid: 'Counts', expired: 'Expired', not_yet_awarded: 'Not yet awarded', used: 'Used for an award', unverified: 'Unverified' };

function Candidate() {
  const { id = '' } = useParams();
  const record = useApiQuery('credit.candidate', { id });
  const [applying, setApplying] = useState(false);
  if (record.error) return <ErrorAlert error={record.error} title={`Candidate ${id} could not be loaded`} />;
  if (!record.data) return <Loading label="Loading the candidate record" />;
  const r = record.data;
  const c = r.candidate;
  return (
    <Stack gap="md" pb="xl">
      <PageHeader
        title={c.name}
        description={`${c.id} · ${c.email}${c.school ? ` · ${c.school}` : ''}${c.district ? `, ${c.district}` : ''}`}
        actions={<Button onClick={() => setApplying(true)}>New application</Button>}
      />
      {r.merged.length > 0 && (
        <Text size="sm" c="dimmed">
          Merged records: {r.merged.map((m) => `${m.name} (${m.id}), merged ${day(m.mergedAt)} by ${m.mergedBy}: ${m.reason}`).join('; ')}
        </Text>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <Credentials record={r} />
            <Attempts record={r} />
            <Applications record={r} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            {r.duplicates.length > 0 && <DuplicatesCard duplicates={r.duplicates} />}
            <ExternalImportCard candidateId={c.id} />
          </Stack>
        </Grid.Col>
      </Grid>
      <NewApplicationModal opened={applying} onClose={() => setApplying(false)} candidateId={c.id} />
    </Stack>
  );
}

/** What the candidate holds today, from this programme and from elsewhere. */
function Credentials({ record }: { record: CandidateRecord }) {
  return (
    <Card withBorder component="section" aria-labelledby="credentials-title">
      <Title order={3} size="h4" id="credentials-title" mb="xs">
        Credentials held
      </Title>
      {record.attainments.length === 0 ? (
        <Text size="sm" c="dimmed">
          No passed credential yet.
        </Text>
      ) : (
        <Table verticalSpacing="xs" aria-label="Credentials held" data-testid="credentials-held">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Credential</Table.Th>
              <Table.Th>From</Table.Th>
              <Table.Th>Awarded</Table.Th>
              <Table.Th>Counts until</Table.Th>
              <Table.Th>Points / hours</Table.Th>
              <Table.Th>Today</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {record.attainments.map((a) => (
              <Table.Tr key={a.key}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {a.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {a.code ?? 'not in the catalogue (never counted)'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {a.source === 'app' ? (
                    <Link to={`/review/${encodeURIComponent(a.portfolioId!)}`} size="sm">
                      {a.portfolioId}, attempt {a.attempt}
                    </Link>
                  ) : (
                    <Stack gap={0}>
                      <Badge variant="light" color="orange" size="sm">
                        External
                      </Badge>
                      <Text size="xs">{a.issuer}</Text>
                    </Stack>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{calendarDay(a.awardedOn)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{a.expiresOn ? calendarDay(a.expiresOn) : 'does not expire'}</Table.Td>
                <Table.Td>
                  {num(a.points)} / {num(a.hours)}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600} c={a.status === 'valid' ? 'teal.8' : a.status === 'used' ? 'gray.7' : 'red.8'}>
                    <span aria-hidden="true">{a.status === 'valid' ? '✓' : a.status === 'used' ? '•' : '✗'}</span> {STATUS_WORD[a.status]}
                  </Text>
                  {a.usedFor && (
                    <Text size="xs" c="dimmed">
                      {a.usedFor.award} ({a.usedFor.application})
                    </Text>
                  )}
                  {a.unverified && (
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {a.unverified}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {record.external.length > 0 && (
        <Stack gap="xs" mt="sm">
          <Title order={4} size="h6">
            Earned elsewhere: where each record came from
          </Title>
          {record.external.map((e) => (
            <div key={e.id}>
              <Text size="sm" fw={600}>
                {e.title}
              </Text>
              <ExternalEvidence external={e} />
            </div>
          ))}
        </Stack>
      )}
    </Card>
  );
}

/** Every attempt made in this app, with each decision revision, its reviews and whether it was moderated. */
function Attempts({ record }: { record: CandidateRecord }) {
  return (
    <Card withBorder component="section" aria-labelledby="attempts-title">
      <Title order={3} size="h4" id="attempts-title" mb="xs">
        Attempts and decisions in this programme
      </Title>
      {record.attempts.length === 0 ? (
        <Text size="sm" c="dimmed">
          No portfolio submitted here.
        </Text>
      ) : (
        <Table verticalSpacing="sm" aria-label="Attempts" data-testid="attempts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Credential</Table.Th>
              <Table.Th>Submitted</Table.Th>
              <Table.Th>Outcome</Table.Th>
              <Table.Th>Evidence trail</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {record.attempts.map((a) => (
              <Table.Tr key={a.portfolioId}>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <Text size="sm" fw={600}>
                    {a.credential.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {a.credential.code}
                    {a.testPre !== null && a.testPost !== null ? ` · tests ${num(a.testPre)} % → ${num(a.testPost)} %` : ''}
                  </Text>
                </Table.Td>
                <Table.Td style={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}>{day(a.submittedAt)}</Table.Td>
                <Table.Td style={{ verticalAlign: 'top' }}>{a.outcome ? OUTCOME_LABEL[a.outcome] : <Text size="sm" c="dimmed">{a.status.replace('_', ' ')}</Text>}</Table.Td>
                <Table.Td>
                  <AttemptEvidence attempt={a} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function Applications({ record }: { record: CandidateRecord }) {
  return (
    <Card withBorder component="section" aria-labelledby="apps-title">
      <Title order={3} size="h4" id="apps-title" mb="xs">
        Credit applications
      </Title>
      {record.applications.length === 0 ? (
        <Text size="sm" c="dimmed">
          None yet.
        </Text>
      ) : (
        <Table verticalSpacing="xs" aria-label="Credit applications of this candidate">
          <Table.Tbody>
            {record.applications.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Link to={`/credit/applications/${a.id}`} ff="monospace" size="sm" fw={600}>
                    {a.id}
                  </Link>
                </Table.Td>
                <Table.Td>{a.pathway.label}</Table.Td>
                <Table.Td>{calendarDay(a.date)}</Table.Td>
                <Table.Td>
                  <StatusBadge status={a.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
