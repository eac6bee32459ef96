import { BarChart } from '@mantine/charts';
import { Grid, Progress, Table, Text } from '@mantine/core';
import type { Dashboard } from '../../../../src-shared/contracts/panels';
import { ChartCard } from './ChartCard';

function minutes(m: number | null): string {
  if (m === null) return '—';
  if (m < 60) return `${Math.round(m)} min`;
  return `${Math.floor(m / 60)} h ${String(Math.round(m % 60)).padStart(2, '0')} min`;
}

/** Open assignments against each reviewer's maximum, and how long their submitted reviews took (median active time). */
export function ReviewerLoadCard({ reviewers }: { reviewers: Dashboard['reviewers'] }) {
  const rows = [...reviewers].sort((a, b) => b.open / Math.max(1, b.maxLoad) - a.open / Math.max(1, a.maxLoad) || a.name.localeCompare(b.name));
  const data = rows.map((r) => ({ name: r.name, open: r.open, spare: Math.max(0, r.maxLoad - r.open) }));
  const full = rows.filter((r) => r.open >= r.maxLoad).length;
  const open = rows.reduce((s, r) => s + r.open, 0);
  const summary = `${open} open reviews across ${rows.length} reviewers; ${full ? `${full} at their maximum` : 'nobody at their maximum'}.`;
  return (
    <ChartCard title="Reviewer load" summary={summary} testId="load-card">
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <BarChart
            h={Math.max(160, data.length * 28 + 60)}
            data={data}
            dataKey="name"
            type="stacked"
            orientation="vertical"
            yAxisProps={{ width: 130 }}
            series={[
              { name: 'open', label: 'Open', color: 'teal.6' },
              { name: 'spare', label: 'Spare capacity', color: 'gray.3' },
            ]}
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            gridAxis="x"
            tooltipAnimationDuration={0}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Table.ScrollContainer minWidth={360}>
            <Table striped verticalSpacing={4} tabularNums>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Reviewer</Table.Th>
                  <Table.Th>Open / max</Table.Th>
                  <Table.Th ta="right">Submitted</Table.Th>
                  <Table.Th ta="right">Median time</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Text size="sm">{r.name}</Text>
                    </Table.Td>
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
        </Grid.Col>
      </Grid>
    </ChartCard>
  );
}
