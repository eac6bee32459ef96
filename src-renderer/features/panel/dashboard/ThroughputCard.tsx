import { LineChart } from '@mantine/charts';
import { format } from 'date-fns';
import type { Dashboard } from '../../../../src-shared/contracts/panels';
import { plural } from '../shared/format';
import { ChartCard } from './ChartCard';
import { STATUS_LABEL } from '../../../../src-shared/domain/status';

/** Portfolios decided per week (first decisions only; corrections are not throughput), the last twelve weeks. */
export function ThroughputCard({ throughput }: { throughput: Dashboard['throughput'] }) {
  const data = throughput.map((w) => ({ week: format(new Date(`${w.week}T00:00:00`), 'd MMM'), decided: w.decided }));
  const total = throughput.reduce((s, w) => s + w.decided, 0);
  const last = throughput.at(-1)?.decided ?? 0;
  const summary = `${plural(total, 'portfolio')} decided in the last ${throughput.length} weeks; ${last} this week.`;
  return (
    <ChartCard title="Throughput per week" summary={summary} testId="throughput-card">
      <LineChart
        h={220}
        data={data}
        dataKey="week"
        series={[{ name: 'decided', label: STATUS_LABEL.decided, color: 'teal.6' }]}
        curveType="linear"
        yAxisProps={{ allowDecimals: false }}
        gridAxis="y"
        tooltipAnimationDuration={0}
      />
    </ChartCard>
  );
}
