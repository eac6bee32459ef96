import { Card, Progress, Table, Text, Title } from '@mantine/core';
import type { Dashboard } from '../../../../src-shared/contracts/panels';
import { sortByLoad } from './ReviewerLoadCard';

function minutes(m: number | null): string {
  if (m === null) return '—';
  if (m < 60) return `${Math.round(m)} min`;
  return `${Math.floor(m / 60)} h ${String(Math.round(m % 60)).padStart(2, '0')} min`;
}

/** Per reviewer: open against maximum, reviews submitted, and the median active time a review took them. */
export function TimeOnTaskCard({ reviewers }: { reviewers: Dashboard['reviewers'] }) {
  const rows = sortByLoad(reviewers);
  return (
    <Card withBorder p={0} component="section" aria-labelledby="time-on-task-title" data-testid="time-card">
      <Title order={3} size="h5" id="time-on-task-title" p="md" pb={4}>
        Reviewers: load and time on task
      </Title>
      <Text size="sm" c="dimmed" px="md" pb="xs">
        Median active time per submitted review (the workbench counts only time with the page visible and in use).
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing={6} tabularNums>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Reviewer</Table.Th>
              <Table.Th w="30%">Open / max</Table.Th>
              <Table.Th ta="right">Submitted</Table.Th>
              <Table.Th ta="right">Median time on task</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td>
                  <Text size="sm" c={r.open >= r.maxLoad ? 'red.8' : undefined}>
                    {r.open} / {r.maxLoad}
                  </Text>
                  <Progress
                    size="xs"
                    value={r.maxLoad ? Math.min(100, (r.open / r.maxLoad) * 100) : 100}
                    color={r.open >= r.maxLoad ? 'red' : 'teal'}
                    aria-label={`${r.name}: ${r.open} of ${r.maxLoad} open`}
                  />
                </Table.Td>
                <Table.Td ta="right">{r.submitted}</Table.Td>
                <Table.Td ta="right">{minutes(r.medianMinutes)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
