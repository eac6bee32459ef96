import { Alert, Anchor as Link, Badge, Card, Group, Loader, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { MyCalibration } from '../../../../src-shared/contracts/calibration';
import { useApiQuery } from '../../../api/queries';
import { ApiErrorAlert } from '../../panel/shared/ApiErrorAlert';
import { PageHeader } from '../../panel/shared/PageHeader';
import { day, STATUS_COLOR, STATUS_LABEL } from '../shared/format';

const ANCHOR_STATUS = {
  not_started: { label: 'To score', color: 'blue' },
  draft: { label: 'Started', color: 'yellow' },
  submitted: { label: 'Submitted', color: 'teal' },
} as const;

type Round = MyCalibration['rounds'][number];

function RoundCard({ round }: { round: Round }) {
  const done = round.anchors.filter((a) => a.status === 'submitted').length;
  const scorable = round.status === 'open';
  const titleId = `my-round-${round.id}`;
  return (
    <Card withBorder component="section" aria-labelledby={titleId} data-testid="my-round">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} size="h5" id={titleId}>
              {round.name}
            </Title>
            <Text size="sm" c="dimmed">
              {round.rubricTitle} · {day(round.opensAt)} – {day(round.closesAt)}
            </Text>
          </div>
          <Badge color={STATUS_COLOR[round.status]} variant="light">
            {STATUS_LABEL[round.status]}
          </Badge>
        </Group>
        <Progress value={round.anchors.length ? (done / round.anchors.length) * 100 : 0} aria-label={`${done} of ${round.anchors.length} anchors submitted`} />
        <Text size="xs" c="dimmed">
          {done} of {round.anchors.length} anchors submitted
          {round.status === 'scheduled' ? ` · opens ${day(round.opensAt)}` : ''}
        </Text>
        <Table verticalSpacing={4} aria-label={`Anchors of ${round.name}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Anchor</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Same as the reference</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {round.anchors.map((a) => (
              <Table.Tr key={a.portfolioId}>
                <Table.Td>
                  {scorable || a.status === 'submitted' ? (
                    <Link href={`#/review/${encodeURIComponent(a.portfolioId)}`} fw={600} size="sm">
                      {a.status === 'submitted' ? `${a.portfolioId} (see the comparison)` : `Score ${a.portfolioId}`}
                    </Link>
                  ) : (
                    a.portfolioId
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={ANCHOR_STATUS[a.status].color} variant="light">
                    {ANCHOR_STATUS[a.status].label}
                  </Badge>
                </Table.Td>
                <Table.Td>{a.exact === null ? '–' : `${a.exact} of ${a.criteria} criteria`}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}

/** A reviewer's calibration rounds: anchors to score (opening them in the normal workbench) and how they did. */
export function MyCalibrationPage() {
  const mine = useApiQuery('calibration.mine', {});
  const open = mine.data?.rounds.filter((r) => r.status !== 'closed') ?? [];
  const past = mine.data?.rounds.filter((r) => r.status === 'closed') ?? [];
  return (
    <Stack gap="md" pb="xl">
      <PageHeader
        title="My calibration"
        description="Score each anchor as you would any portfolio. You see the reference levels and their rationale only after you submit."
      />
      <ApiErrorAlert error={mine.error} />
      {mine.isLoading && <Loader aria-label="Loading your calibration rounds" />}
      {mine.data && (
        <>
          {open.length === 0 && <Alert color="gray">No open calibration round includes you at the moment.</Alert>}
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            {open.map((r) => (
              <RoundCard key={r.id} round={r} />
            ))}
          </SimpleGrid>
          {mine.data.qualifications.length > 0 && (
            <Card withBorder component="section" aria-labelledby="my-qualifications">
              <Title order={3} size="h5" id="my-qualifications" mb="xs">
                Qualification
              </Title>
              <Stack gap={4}>
                {mine.data.qualifications.map((q) => (
                  <Group key={q.credential} gap="xs" wrap="nowrap">
                    <Badge color={q.qualified ? 'teal' : 'gray'} variant="light" miw={110}>
                      {q.qualified ? 'Qualified' : 'Not qualified'}
                    </Badge>
                    <Text size="sm">
                      <b>{q.title}</b> — {q.reason}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </Card>
          )}
          {past.length > 0 && (
            <>
              <Title order={3} size="h5">
                Earlier rounds
              </Title>
              <SimpleGrid cols={{ base: 1, lg: 2 }}>
                {past.map((r) => (
                  <RoundCard key={r.id} round={r} />
                ))}
              </SimpleGrid>
            </>
          )}
        </>
      )}
    </Stack>
  );
}
