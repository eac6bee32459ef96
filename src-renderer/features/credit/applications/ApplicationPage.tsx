import { Card, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import type { ApplicationView } from '../../../../src-shared/contracts/credit';
import { pathwayLabel } from '../../../../src-shared/domain/pathway';
import { useApiQuery } from '../../../api/queries';
import { calendarDay, num } from '../shared/format';
import { CheckMark, ErrorAlert, Link, Loading, PageHeader, RequireCreditRole, StatusBadge } from '../shared/ui';
import { DecisionPanel } from './DecisionPanel';
import { AttemptEvidence, ExternalEvidence } from './EvidenceTrail';

export function ApplicationPage() {
  return (
    <RequireCreditRole>
      <Application />
    </RequireCreditRole>
  );
}

function Application() {
  const { id = '' } = useParams();
  const app = useApiQuery('credit.application', { id });
  if (app.error) return <ErrorAlert error={app.error} title={`Application ${id} could not be loaded`} />;
  if (!app.data) return <Loading label="Loading the application" />;
  const a = app.data;
  return (
    <Stack gap="md" pb="xl">
      <PageHeader
        title={`${a.candidate.name}: ${pathwayLabel(a.pathway)}`}
        description={
          <>
            Application <b>{a.id}</b>, dated {calendarDay(a.date)} · pathway {a.pathway.id} version {a.pathway.version}
            {a.pathway.target.qualification ? ` · ${a.pathway.target.qualification}` : ''} ·{' '}
            <Link to={`/credit/candidates/${encodeURIComponent(a.candidate.id)}`} size="sm" underline="always">
              candidate record
            </Link>
          </>
        }
        actions={<StatusBadge status={a.status} />}
      />
      {a.note && (
        <Text size="sm" c="dimmed">
          Note: {a.note}
        </Text>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Requirements app={a} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <DecisionPanel app={a} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** Every requirement with a tick or a cross and the reason; under each credential, the evidence behind it. */
function Requirements({ app }: { app: ApplicationView }) {
  const e = app.evaluation;
  const decided = app.status === 'approved' || app.status === 'declined';
  return (
    <Card withBorder component="section" aria-labelledby="requirements-title">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={3} size="h4" id="requirements-title">
            Requirements on {calendarDay(app.date)}
          </Title>
          <Text size="sm" data-testid="requirements-summary" fw={600} c={e.met ? 'teal.8' : 'red.8'}>
            {e.met ? 'Every requirement is met' : 'Not every requirement is met'}
            {decided ? ' (as decided)' : ''}
          </Text>
        </Group>
        <Table verticalSpacing="sm" aria-label="Requirement checks" data-testid="requirement-checks">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={120}>Check</Table.Th>
              <Table.Th>Requirement and evidence</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {e.checks.map((c) => {
              const trail = c.attainment ? app.trail.find((t) => t.key === c.attainment) : undefined;
              return (
                <Table.Tr key={c.id} data-testid={`check-${c.id}`}>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <CheckMark ok={c.ok} required={c.required} />
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={6}>
                      <Text size="sm" fw={c.kind === 'credential' ? 600 : 500} data-testid="check-reason">
                        {c.reason}
                      </Text>
                      {c.kind === 'credential' && c.counted && (
                        <Text size="xs" c="teal.8">
                          Counted toward this award
                        </Text>
                      )}
                      {trail?.attempt && <AttemptEvidence attempt={trail.attempt} />}
                      {trail?.external && <ExternalEvidence external={trail.external} />}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <Text size="sm" c="dimmed">
          Counted: {num(e.totals.points)} credit points, {num(e.totals.hours)} hours.
          {app.pathway.rule.allow_double_counting
            ? ' Credentials already counted toward another award may count again on this pathway.'
            : ' A credential already counted toward another approved award cannot count again.'}
        </Text>
      </Stack>
    </Card>
  );
}
