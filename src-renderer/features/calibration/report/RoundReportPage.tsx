import { Anchor as Link, Badge, Breadcrumbs, Button, Card, Group, Loader, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { RoundDetail } from '../../../../src-shared/contracts/calibration';
import { useApiQuery } from '../../../api/queries';
import { api } from '../../../api/transport';
import { ApiErrorAlert } from '../../panel/shared/ApiErrorAlert';
import { PageHeader } from '../../panel/shared/PageHeader';
import { RequireRole } from '../../panel/shared/RequireRole';
import { day, STATUS_COLOR, STATUS_LABEL } from '../shared/format';
import { ReportView } from './ReportView';
import { ScrollTable } from '../shared/ScrollTable';

const MARK = { submitted: '✓', draft: '…', not_started: '·' } as const;
const MARK_LABEL = { submitted: 'submitted', draft: 'started', not_started: 'not started' } as const;

/** Who has scored which anchor: a compact grid, reviewers down, anchors across. */
function Progress({ round }: { round: RoundDetail }) {
  return (
    <Card withBorder component="section" aria-labelledby="progress-title">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5" id="progress-title">
          Progress
        </Title>
        <Text size="sm" c="dimmed">
          {round.submitted} of {round.expected} anchor scores submitted
        </Text>
      </Group>
      <ScrollTable minWidth={480} label="Anchors scored per reviewer">
        <Table withTableBorder verticalSpacing={4} fz="sm" aria-label="Anchors scored per reviewer">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Reviewer</Table.Th>
              {round.anchors.map((a) => (
                <Table.Th key={a} scope="col" ta="center">
                  <Link href={`#/calibration/anchors/${encodeURIComponent(a)}`} size="sm">
                    {a}
                  </Link>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {round.progress.map((p) => (
              <Table.Tr key={p.reviewerId}>
                <Table.Th scope="row" fw={500}>
                  {p.name}
                </Table.Th>
                {p.anchors.map((a) => (
                  <Table.Td key={a.portfolioId} ta="center" c={a.status === 'submitted' ? 'teal.8' : 'dimmed'}>
                    <Tooltip label={`${p.name}, ${a.portfolioId}: ${MARK_LABEL[a.status]}${a.submittedAt ? ` ${day(a.submittedAt)}` : ''}`}>
                      <span aria-label={MARK_LABEL[a.status]} tabIndex={0}>
                        {MARK[a.status]}
                      </span>
                    </Tooltip>
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Card>
  );
}

function Round({ id }: { id: number }) {
  const queryClient = useQueryClient();
  const round = useApiQuery('calibration.rounds.get', { id });
  const report = useApiQuery('calibration.report.round', { id });
  const close = useMutation({
    mutationFn: () => api.call('calibration.rounds.close', { id }),
    onSuccess: async (r) => {
      notifications.show({ color: 'teal', message: `“${r.name}” is closed; it now counts for qualification.` });
      await queryClient.invalidateQueries();
    },
  });
  const confirmClose = (r: RoundDetail) =>
    modals.openConfirmModal({
      title: `Close “${r.name}”?`,
      children: (
        <Text size="sm">
          {r.expected - r.submitted} anchor scores are still missing. Reviewers cannot submit in a closed round, and their qualification is judged on what they
          submitted.
        </Text>
      ),
      labels: { confirm: 'Close round', cancel: 'Keep it open' },
      onConfirm: () => close.mutate(),
    });
  if (round.error) return <ApiErrorAlert error={round.error} title="Cannot open this round" />;
  if (!round.data) return <Loader aria-label="Loading round" />;
  const r = round.data;
  return (
    <Stack gap="md" pb="xl">
      <Breadcrumbs>
        <Link href="#/calibration">Calibration</Link>
        <Text size="sm">{r.name}</Text>
      </Breadcrumbs>
      <PageHeader
        title={
          <Group gap="sm">
            <span>{r.name}</span>
            <Badge color={STATUS_COLOR[r.status]} variant="light" size="lg">
              {STATUS_LABEL[r.status]}
            </Badge>
          </Group>
        }
        description={`${r.rubric.title} v${r.rubric.version} · ${day(r.opensAt)} – ${day(r.closedAt ?? r.closesAt)} · ${r.anchors.length} anchors, ${r.reviewers.length} reviewers`}
        actions={
          r.status !== 'closed' ? (
            <Button variant="default" onClick={() => confirmClose(r)} loading={close.isPending}>
              Close round now
            </Button>
          ) : undefined
        }
      />
      <ApiErrorAlert error={close.error} title="The round was not closed" />
      <Progress round={r} />
      <ApiErrorAlert error={report.error} title="The report could not be computed" />
      {report.isLoading && <Loader aria-label="Computing the report" />}
      {report.data && <ReportView report={report.data} target={{ kind: 'round', id }} />}
    </Stack>
  );
}

export function RoundReportPage() {
  const { id = '' } = useParams();
  return (
    <RequireRole roles={['lead', 'admin']}>
      <Round id={Number(id)} />
    </RequireRole>
  );
}
