import { Anchor, Badge, Breadcrumbs, Card, Grid, Group, Loader, Stack, Table, Text, Title, Alert } from '@mantine/core';
import { format } from 'date-fns';
import { useParams } from 'react-router';
import { STATUS_LABEL } from '../../../src-shared/domain/status';
import { OUTCOME_LABEL } from '../../../src-shared/domain/rubric';
import { useApiQuery } from '../../api/queries';
import { STATUS_COLOR } from '../queue/QueueTable';
import { EvidenceList } from './EvidenceList';
import { useMe } from '../profile/ProfileProvider';
import { hasRole } from '../panel/shared/RequireRole';
import { PortfolioReleasePanel } from '../panel/release/PortfolioReleasePanel';
import { IdentityNotice } from '../review/IdentityNotice';

export function PortfolioPage() {
  const { id = '' } = useParams();
  const q = useApiQuery('portfolio.get', { id });
  const me = useMe();
  if (q.isLoading) return <Loader aria-label="Loading portfolio" />;
  if (q.error || !q.data) return <Alert color="red" title="Cannot open this portfolio">{q.error?.message}</Alert>;
  const p = q.data;
  return (
    <Stack gap="md" maw={1200}>
      <Breadcrumbs>
        <Anchor href="#/">Queue</Anchor>
        <Text>{p.id}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{p.candidate.name}</Title>
          <Text c="dimmed">
            {p.credential.title} · {p.credentialDetail.credit_points} points at {p.credentialDetail.level} · attempt {p.attempt}
          </Text>
        </div>
        <Badge size="lg" color={STATUS_COLOR[p.status]} variant="light">
          {STATUS_LABEL[p.status]}
          {p.outcome ? ` · ${OUTCOME_LABEL[p.outcome]}` : ''}
        </Badge>
      </Group>
      {p.status === 'ready' && hasRole(me.roles, 'lead', 'admin') && <PortfolioReleasePanel portfolioId={p.id} />}
      <IdentityNotice identity={p.identity} variant="alert" />
      <IdentityNotice identity={p.identity} variant="viewer" />
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder>
            <Title order={3} size="h5" mb="xs">
              Candidate
            </Title>
            <Table variant="vertical" withRowBorders={false}>
              <Table.Tbody>
                <Table.Tr><Table.Th w={110}>Id</Table.Th><Table.Td>{p.candidate.id}</Table.Td></Table.Tr>
                <Table.Tr><Table.Th>Email</Table.Th><Table.Td>{p.candidate.email}</Table.Td></Table.Tr>
                <Table.Tr><Table.Th>School</Table.Th><Table.Td>{p.candidate.school}</Table.Td></Table.Tr>
                <Table.Tr><Table.Th>District</Table.Th><Table.Td>{p.candidate.district}</Table.Td></Table.Tr>
                <Table.Tr><Table.Th>Submitted</Table.Th><Table.Td>{format(new Date(p.submittedAt), 'd MMM yyyy, HH:mm')}</Table.Td></Table.Tr>
                <Table.Tr><Table.Th>Rubric</Table.Th><Table.Td>{p.rubric.title} (v{p.rubric.version})</Table.Td></Table.Tr>
              </Table.Tbody>
            </Table>
          </Card>
          {p.attempts.length > 1 && (
            <Card withBorder mt="md">
              <Title order={3} size="h5" mb="xs">
                Attempts
              </Title>
              {p.attempts.map((a) => (
                <Group key={a.id} gap="xs">
                  <Anchor href={`#/portfolio/${encodeURIComponent(a.id)}`} fw={a.id === p.id ? 700 : 400}>
                    Attempt {a.attempt}: {a.id}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {a.outcome ? OUTCOME_LABEL[a.outcome] : a.status}
                  </Text>
                </Group>
              ))}
            </Card>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder>
            <Title order={3} size="h5" mb="xs">
              Written responses
            </Title>
            <Stack gap="md">
              {p.responses.map((r, i) => (
                <div key={i}>
                  <Text fw={600} size="sm">
                    {r.prompt}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {r.text}
                  </Text>
                </div>
              ))}
              {p.responses.length === 0 && <Text c="dimmed">No written responses.</Text>}
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
      <EvidenceList portfolio={p} />
    </Stack>
  );
}
