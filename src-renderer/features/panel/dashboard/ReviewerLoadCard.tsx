import { BarChart } from '@mantine/charts';
import type { Dashboard } from '../../../../src-shared/contracts/panels';
import { ChartCard } from './ChartCard';

/** Open assignments against each reviewer's maximum. */
export function sortByLoad(reviewers: Dashboard['reviewers']) {
  return [...reviewers].sort((a, b) => b.open / Math.max(1, b.maxLoad) - a.open / Math.max(1, a.maxLoad) || a.name.localeCompare(b.name));
}

export function ReviewerLoadCard({ reviewers }: { reviewers: Dashboard['reviewers'] }) {
  const rows = sortByLoad(reviewers);
  const data = rows.map((r) => ({ name: r.name, open: r.open, spare: Math.max(0, r.maxLoad - r.open) }));
  const full = rows.filter((r) => r.open >= r.maxLoad).length;
  const open = rows.reduce((s, r) => s + r.open, 0);
  const summary = `${open} open reviews across ${rows.length} reviewers; ${full ? `${full} at their maximum` : 'nobody at their maximum'}.`;
  return (
    <ChartCard title="Reviewer load" summary={summary} testId="load-card">
      <BarChart
        h={Math.max(160, data.length * 28 + 60)}
        data={data}
        dataKey="name"
        type="stacked"
        orientation="vertical"
        yAxisProps={{ width: 150 }}
        series={[
          { name: 'open', label: 'Open', color: 'teal.6' },
          { name: 'spare', label: 'Spare capacity', color: 'gray.3' },
        ]}
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        gridAxis="x"
        tooltipAnimationDuration={0}
      />
    </ChartCard>
  );
}
