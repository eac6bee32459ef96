import { BarChart } from '@mantine/charts';
import { Anchor, Group, Text } from '@mantine/core';
import type { Dashboard } from '../../../../src-shared/contracts/panels';
import { STATUS_LABEL, type Status } from '../../../../src-shared/domain/status';
import { plural } from '../shared/format';
import { ChartCard } from './ChartCard';
import { OverdueSetting } from './OverdueSetting';

const SHOWN = 15;

/** The longest waits first, against the panel's target: overdue bars are red. */
export function WaitingCard({ waiting, overdueDays, canEdit }: { waiting: Dashboard['waiting']; overdueDays: number; canEdit: boolean }) {
  const overdue = waiting.filter((w) => w.overdue);
  const data = waiting.slice(0, SHOWN).map((w) => ({
    portfolio: w.portfolio,
    days: w.days,
    color: w.overdue ? 'red.6' : 'teal.6',
    status: STATUS_LABEL[w.status as Status] ?? w.status,
  }));
  const summary = waiting.length
    ? `${plural(waiting.length, 'portfolio')} open; ${overdue.length} waiting longer than the ${overdueDays}-day target${overdue.length ? `, the longest ${waiting[0]!.days} days` : ''}.`
    : 'Nothing is waiting.';
  return (
    <ChartCard title="Days waiting" summary={summary} actions={<OverdueSetting days={overdueDays} canEdit={canEdit} />} testId="waiting-card">
      {data.length > 0 && (
        <BarChart
          h={Math.max(160, data.length * 26 + 50)}
          data={data}
          dataKey="portfolio"
          orientation="vertical"
          series={[{ name: 'days', label: 'Days waiting', color: 'teal.6' }]}
          yAxisProps={{ width: 96 }}
          referenceLines={[{ x: overdueDays, color: 'red.7', strokeDasharray: '4 3' }]}
          gridAxis="x"
          valueFormatter={(v) => `${v} days`}
          tooltipAnimationDuration={0}
        />
      )}
      {data.length > 0 && (
        <Text size="xs" c="dimmed">
          Red bars are overdue; the dashed line marks the {overdueDays}-day target.
        </Text>
      )}
      {overdue.length > 0 && (
        <Group gap={6} mt="xs" aria-label="Overdue portfolios">
          <Text size="xs" fw={600} c="red.8">
            Overdue:
          </Text>
          {overdue.slice(0, 12).map((w) => (
            <Anchor key={w.portfolio} size="xs" href={`#/portfolio/${encodeURIComponent(w.portfolio)}`}>
              {w.portfolio} ({w.days} d)
            </Anchor>
          ))}
          {overdue.length > 12 && (
            <Text size="xs" c="dimmed">
              and {overdue.length - 12} more
            </Text>
          )}
        </Group>
      )}
    </ChartCard>
  );
}
