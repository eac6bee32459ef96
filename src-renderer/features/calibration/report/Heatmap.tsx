import { Group, Table, Text } from '@mantine/core';
import type { Report } from '../../../../src-shared/contracts/calibration';
import { ChartCard } from '../../panel/dashboard/ChartCard';
import { signed } from '../shared/format';
import { ScrollTable } from '../shared/ScrollTable';

/**
 * Diverging colour for a signed difference in levels: blue below (severe), orange above (lenient), saturating at
 * ±1.5 levels. Text stays dark on every shade, so the number is always readable.
 */
export function differenceColor(d: number): string {
  if (Math.abs(d) < 0.005) return 'transparent';
  const t = Math.min(1, Math.abs(d) / 1.5);
  const [r, g, b] = d >= 0 ? [230, 119, 0] : [28, 126, 214];
  return `rgba(${r}, ${g}, ${b}, ${(0.08 + 0.62 * t).toFixed(2)})`;
}

function Legend() {
  const stops = [-1.5, -1, -0.5, 0, 0.5, 1, 1.5];
  return (
    <Group gap={2} aria-hidden>
      <Text size="xs" c="dimmed" mr={4}>
        severe
      </Text>
      {stops.map((s) => (
        <Text key={s} size="xs" px={6} py={2} style={{ background: differenceColor(s), borderRadius: 3 }}>
          {signed(s, 1)}
        </Text>
      ))}
      <Text size="xs" c="dimmed" ml={4}>
        lenient
      </Text>
    </Group>
  );
}

/** Reviewer × criterion table of mean signed differences from the reference, coloured by size and direction. */
export function Heatmap({ report }: { report: Report }) {
  const cells = new Map(report.heatmap.map((h) => [`${h.reviewerId}|${h.criterion}`, h]));
  const against = report.against === 'reference' ? 'the reference' : 'the decision in force';
  const extreme = [...report.heatmap].sort((a, b) => Math.abs(b.mean_signed_difference) - Math.abs(a.mean_signed_difference))[0];
  const name = new Map(report.perReviewer.map((r) => [r.reviewerId, r.name]));
  const title = new Map(report.criteria.map((c) => [c.criterion, c.title]));
  const summary = extreme
    ? `Largest gap: ${name.get(extreme.reviewerId)} on ${title.get(extreme.criterion)}, ${signed(extreme.mean_signed_difference)} levels against ${against}.`
    : `Nothing to compare with ${against} yet.`;
  return (
    <ChartCard title={`Differences from ${against}, reviewer by criterion`} summary={summary} actions={<Legend />} testId="heatmap">
      <ScrollTable minWidth={640} label={`Differences from ${against}, reviewer by criterion`}>
        <Table withTableBorder withColumnBorders verticalSpacing={6} fz="sm" aria-label={`Mean signed difference from ${against}, in levels`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Reviewer</Table.Th>
              {report.criteria.map((c) => (
                <Table.Th key={c.criterion} scope="col" ta="center" maw={150}>
                  <Text size="xs" fw={700} lineClamp={2} title={c.title}>
                    {c.title}
                  </Text>
                </Table.Th>
              ))}
              <Table.Th scope="col" ta="center">
                Overall
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.perReviewer.map((r) => (
              <Table.Tr key={r.reviewerId}>
                <Table.Th scope="row" fw={500}>
                  {r.name}
                </Table.Th>
                {report.criteria.map((c) => {
                  const cell = cells.get(`${r.reviewerId}|${c.criterion}`);
                  return (
                    <Table.Td
                      key={c.criterion}
                      ta="center"
                      style={{ background: cell ? differenceColor(cell.mean_signed_difference) : undefined }}
                      title={cell ? `${r.name}, ${c.title}: ${signed(cell.mean_signed_difference)} levels over ${cell.n}` : undefined}
                      data-testid={`heat-${r.reviewerId}-${c.criterion}`}
                    >
                      {cell ? signed(cell.mean_signed_difference) : '–'}
                    </Table.Td>
                  );
                })}
                <Table.Td ta="center" fw={700} style={{ background: r.mean_signed_difference === null ? undefined : differenceColor(r.mean_signed_difference) }}>
                  {signed(r.mean_signed_difference)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </ChartCard>
  );
}
