import { BarChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import type { Dashboard } from '../../../../src-shared/contracts/panels';
import { percent } from '../shared/format';
import { ChartCard } from './ChartCard';

const SHOWN = 8;

/** Per criterion, the share of double-reviewed portfolios whose reviewers were further apart than the tolerance. */
export function DisagreementCard({ disagreement }: { disagreement: Dashboard['disagreement'] }) {
  const data = disagreement.slice(0, SHOWN).map((d) => ({ title: d.title, rate: Math.round(d.rate * 100) }));
  const rest = disagreement.length - data.length;
  const worst = disagreement[0];
  const summary = worst
    ? `Most disagreement on ${worst.title}: ${percent(worst.rate)} (${worst.apart} of ${worst.compared} portfolios reviewed twice).`
    : 'No portfolio has two submitted reviews yet.';
  return (
    <ChartCard title="Disagreement per criterion" summary={summary} testId="disagreement-card">
      {rest > 0 && (
        <Text size="xs" c="dimmed">
          The {SHOWN} criteria with the most disagreement; {rest} more with less or none.
        </Text>
      )}
      {data.length > 0 ? (
        <BarChart
          h={Math.max(160, data.length * 30 + 50)}
          data={data}
          dataKey="title"
          orientation="vertical"
          yAxisProps={{ width: 190 }}
          xAxisProps={{ domain: [0, 100] }}
          valueFormatter={(v) => `${v}%`}
          series={[{ name: 'rate', label: 'Reviewers apart', color: 'orange.6' }]}
          gridAxis="x"
          tooltipAnimationDuration={0}
        />
      ) : (
        <Text size="sm" c="dimmed">
          Nothing to compare yet.
        </Text>
      )}
    </ChartCard>
  );
}
