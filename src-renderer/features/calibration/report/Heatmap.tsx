import { useEffect, useRef } from 'react';
import { Group, Table, Text } from '@mantine/core';
import type { Report, RubricSection } from '../../../../src-shared/contracts/calibration';
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

const sticky = { position: 'sticky', left: 0, zIndex: 1, background: 'var(--mantine-color-body)' } as const;

/**
 * Reviewer × criterion table of one rubric: mean signed differences from the reference, coloured by size and
 * direction. Column headers carry the whole criterion title (wrapped, never cut, so two titles that begin alike
 * stay apart). When the table is wider than its card it scrolls sideways in a named, focusable region with the
 * reviewer column kept in place, and it opens scrolled to the cell the summary names.
 */
export function Heatmap({ report, section }: { report: Report; section: RubricSection }) {
  const cells = new Map(section.heatmap.map((h) => [`${h.reviewerId}|${h.criterion}`, h]));
  const against = report.against === 'reference' ? 'the reference' : 'the decision in force';
  const extreme = [...section.heatmap].sort((a, b) => Math.abs(b.mean_signed_difference) - Math.abs(a.mean_signed_difference))[0];
  const name = new Map(report.perReviewer.map((r) => [r.reviewerId, r.name]));
  const title = new Map(section.criteria.map((c) => [c.criterion, c.title]));
  const reviewers = report.perReviewer.filter((r) => section.heatmap.some((h) => h.reviewerId === r.reviewerId));
  // A reviewer's mean over this rubric's criteria (their overall figure in the reviewer table spans every rubric).
  const overall = new Map<string, number>();
  for (const r of reviewers) {
    const mine = section.heatmap.filter((h) => h.reviewerId === r.reviewerId);
    overall.set(r.reviewerId, mine.reduce((s, h) => s + h.mean_signed_difference * h.n, 0) / mine.reduce((s, h) => s + h.n, 0));
  }
  const summary = extreme
    ? `Largest gap: ${name.get(extreme.reviewerId)} on ${title.get(extreme.criterion)}, ${signed(extreme.mean_signed_difference)} levels against ${against}.`
    : `Nothing to compare with ${against} yet.`;
  const named = useRef<HTMLTableCellElement>(null);
  useEffect(() => {
    const cell = named.current;
    const box = cell?.closest<HTMLElement>('[role="region"]');
    if (!cell || !box) return;
    // Scroll the region only (scrollIntoView would move the page too): the named cell just right of the sticky column.
    const stickyWidth = box.querySelector<HTMLElement>('tbody th')?.offsetWidth ?? 0;
    if (cell.offsetLeft + cell.offsetWidth > box.scrollLeft + box.clientWidth || cell.offsetLeft - stickyWidth < box.scrollLeft) box.scrollLeft = Math.max(0, cell.offsetLeft - stickyWidth);
  }, [extreme]);
  const label = `Differences from ${against}, reviewer by criterion, ${section.title}`;
  return (
    <ChartCard title={`Differences from ${against}, reviewer by criterion`} label={label} summary={summary} actions={<Legend />} testId="heatmap" order={4}>
      <ScrollTable minWidth={Math.max(480, 180 + 130 * (section.criteria.length + 1))} label={label}>
        <Table withTableBorder withColumnBorders verticalSpacing={6} fz="sm" aria-label={`Mean signed difference from ${against}, in levels, ${section.title}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" style={sticky}>
                Reviewer
              </Table.Th>
              {section.criteria.map((c) => (
                <Table.Th key={c.criterion} scope="col" ta="center" miw={110} maw={180} style={{ verticalAlign: 'bottom' }} data-testid="heatmap-column">
                  <Text size="xs" fw={700} style={{ overflowWrap: 'anywhere' }}>
                    {c.title}
                  </Text>
                </Table.Th>
              ))}
              <Table.Th scope="col" ta="center" style={{ verticalAlign: 'bottom' }}>
                <Text size="xs" fw={700}>
                  All criteria
                </Text>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reviewers.map((r) => (
              <Table.Tr key={r.reviewerId}>
                <Table.Th scope="row" fw={500} style={{ ...sticky, whiteSpace: 'nowrap' }}>
                  {r.name}
                </Table.Th>
                {section.criteria.map((c) => {
                  const cell = cells.get(`${r.reviewerId}|${c.criterion}`);
                  const isNamed = cell !== undefined && cell === extreme;
                  return (
                    <Table.Td
                      key={c.criterion}
                      ref={isNamed ? named : undefined}
                      ta="center"
                      style={{ background: cell ? differenceColor(cell.mean_signed_difference) : undefined, outline: isNamed ? '2px solid var(--mantine-color-dark-6)' : undefined, outlineOffset: -2 }}
                      title={cell ? `${r.name}, ${c.title}: ${signed(cell.mean_signed_difference)} levels over ${cell.n}` : undefined}
                      data-testid={`heat-${r.reviewerId}-${c.criterion}`}
                    >
                      {cell ? signed(cell.mean_signed_difference) : '–'}
                    </Table.Td>
                  );
                })}
                <Table.Td ta="center" fw={700} style={{ background: differenceColor(overall.get(r.reviewerId)!) }}>
                  {signed(overall.get(r.reviewerId))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </ChartCard>
  );
}
