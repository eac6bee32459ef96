import { Alert, Button, Card, Grid, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../../api/transport';
import { useApiQuery } from '../../../../api/queries';
import { ApiErrorAlert } from '../../shared/ApiErrorAlert';
import { plural } from '../../shared/format';

/** Runs the allocation and reports what it did and, for what it could not, why. */
export function AllocateCard() {
  const reviewers = useApiQuery('reviewers.list', {});
  const dashboard = useApiQuery('panel.dashboard', {});
  const queryClient = useQueryClient();
  const run = useMutation({ mutationFn: () => api.call('assignments.allocate', {}), onSuccess: () => queryClient.invalidateQueries() });
  const name = (id: string) => reviewers.data?.find((r) => r.id === id)?.name ?? id;
  const waiting = dashboard.data?.counts.awaiting_allocation;
  const byPortfolio = new Map<string, string[]>();
  for (const a of run.data?.assigned ?? []) byPortfolio.set(a.portfolio, [...(byPortfolio.get(a.portfolio) ?? []), a.reviewer]);
  return (
    <Card withBorder component="section" aria-labelledby="allocate-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} size="h5" id="allocate-title">
              Allocate reviewers
            </Title>
            <Text size="sm" c="dimmed" maw={720}>
              Every portfolio lacking reviewers gets the number its policy requires: distinct, eligible reviewers without a conflict of interest, the least
              loaded first and never beyond anyone&apos;s maximum. The same data always gives the same allocation.
            </Text>
          </div>
          <Stack gap={4} align="flex-end">
            <Button onClick={() => run.mutate()} loading={run.isPending}>
              Allocate now
            </Button>
            {waiting !== undefined && (
              <Text size="xs" c="dimmed" data-testid="awaiting-allocation">
                {plural(waiting, 'portfolio')} awaiting allocation
              </Text>
            )}
          </Stack>
        </Group>
        <ApiErrorAlert error={run.error} title="Allocation did not run" />
        {run.data && (
          <Grid gap="md" data-testid="allocation-report">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Alert color="teal" variant="light" title={`Assigned: ${plural(run.data.assigned.length, 'review')} on ${plural(byPortfolio.size, 'portfolio')}`}>
                {byPortfolio.size === 0 ? (
                  <Text size="sm">Nothing needed a reviewer that could be given one.</Text>
                ) : (
                  <Table verticalSpacing={2} fz="sm">
                    <Table.Tbody>
                      {[...byPortfolio].map(([p, rs]) => (
                        <Table.Tr key={p}>
                          <Table.Td ff="monospace">{p}</Table.Td>
                          <Table.Td>{rs.map(name).join(', ')}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
              </Alert>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Alert color={run.data.unallocated.length ? 'orange' : 'gray'} variant="light" title={`Could not allocate: ${run.data.unallocated.length}`}>
                {run.data.unallocated.length === 0 ? (
                  <Text size="sm">Every portfolio that needed reviewers has them.</Text>
                ) : (
                  <List size="sm" spacing={2}>
                    {run.data.unallocated.map((u) => (
                      <List.Item key={u.portfolio}>{u.reason}</List.Item>
                    ))}
                  </List>
                )}
              </Alert>
            </Grid.Col>
          </Grid>
        )}
      </Stack>
    </Card>
  );
}
