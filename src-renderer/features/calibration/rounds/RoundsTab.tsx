import { useState } from 'react';
import { Alert, Anchor as Link, Badge, Button, Group, Loader, Progress, Stack, Table, Text } from '@mantine/core';
import { useApiQuery } from '../../../api/queries';
import { ApiErrorAlert } from '../../panel/shared/ApiErrorAlert';
import { day, STATUS_COLOR, STATUS_LABEL } from '../shared/format';
import { NewRoundModal } from './NewRoundModal';

export function RoundsTab() {
  const rounds = useApiQuery('calibration.rounds.list', {});
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Reviewers score a round’s anchors blind in the normal workbench; the report compares them with the reference.
        </Text>
        <Button onClick={() => setCreating(true)}>New round…</Button>
      </Group>
      <ApiErrorAlert error={rounds.error} />
      {rounds.isLoading && <Loader aria-label="Loading rounds" />}
      {rounds.data?.length === 0 && <Alert color="gray">No calibration round yet. Make some anchors first, then start a round.</Alert>}
      {rounds.data && rounds.data.length > 0 && (
        <Table striped highlightOnHover withTableBorder verticalSpacing="sm" aria-label="Calibration rounds" data-testid="rounds-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Round</Table.Th>
              <Table.Th scope="col">Rubric</Table.Th>
              <Table.Th scope="col" miw={130}>
                Dates
              </Table.Th>
              <Table.Th scope="col" w={110}>
                Status
              </Table.Th>
              <Table.Th scope="col">Anchors × reviewers</Table.Th>
              <Table.Th scope="col" w={200}>
                Scored
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rounds.data.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Link href={`#/calibration/rounds/${r.id}`} fw={600}>
                    {r.name}
                  </Link>
                </Table.Td>
                <Table.Td>
                  {r.rubric.title} v{r.rubric.version}
                  {r.credentials.length > 0 && (
                    <Text size="xs" c="dimmed">
                      {r.credentials.join(', ')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {day(r.opensAt)} – {day(r.closedAt ?? r.closesAt)}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge color={STATUS_COLOR[r.status]} variant="light">
                    {STATUS_LABEL[r.status]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {r.anchors.length} × {r.reviewers.length}
                </Table.Td>
                <Table.Td>
                  <Progress value={r.expected ? (r.submitted / r.expected) * 100 : 0} aria-label={`${r.submitted} of ${r.expected} scored`} />
                  <Text size="xs" c="dimmed">
                    {r.submitted} of {r.expected}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {creating && <NewRoundModal onClose={() => setCreating(false)} />}
    </Stack>
  );
}
