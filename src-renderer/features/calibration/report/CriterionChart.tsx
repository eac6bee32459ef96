import { BarChart } from '@mantine/charts';
import { SimpleGrid, Text } from '@mantine/core';
import { ErrorBar } from 'recharts';
import type { CriterionStats } from '../../../../src-shared/contracts/calibration';
import { ChartCard } from '../../panel/dashboard/ChartCard';
import { num2, pct } from '../shared/format';

/** Criterion titles can be long; the axis gets a readable stub, the tooltip and table the full title. */
const short = (s: string, n = 34) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Per criterion: Krippendorff's ordinal alpha with its 95 % bootstrap interval (error bars), and exact and adjacent
 * agreement. Two panels because they are on different scales (alpha from −1 to 1, agreement a share).
 */
export function CriterionChart({ criteria }: { criteria: CriterionStats[] }) {
  const alphaData = criteria.map((c) => ({
    criterion: short(c.title),
    alpha: c.alpha_ordinal === null ? null : Number(c.alpha_ordinal.toFixed(3)),
    // recharts draws [below, above] the bar's end.
    ci: c.alpha_ordinal !== null && c.alpha_ordinal_ci ? [c.alpha_ordinal - c.alpha_ordinal_ci[0], c.alpha_ordinal_ci[1] - c.alpha_ordinal] : [0, 0],
  }));
  const lowest = Math.min(0, ...criteria.flatMap((c) => (c.alpha_ordinal_ci ? [c.alpha_ordinal_ci[0]] : c.alpha_ordinal !== null ? [c.alpha_ordinal] : [])));
  const agreementData = criteria.map((c) => ({
    criterion: short(c.title),
    exact: c.exact === null ? null : Math.round(c.exact * 100),
    adjacent: c.adjacent === null ? null : Math.round(c.adjacent * 100),
  }));
  const worst = [...criteria].filter((c) => c.alpha_ordinal !== null).sort((a, b) => a.alpha_ordinal! - b.alpha_ordinal!)[0];
  const best = [...criteria].filter((c) => c.alpha_ordinal !== null).sort((a, b) => b.alpha_ordinal! - a.alpha_ordinal!)[0];
  const summary =
    worst && best && worst !== best
      ? `Reliability (ordinal α) ranges from ${num2(worst.alpha_ordinal)} on ${worst.title} to ${num2(best.alpha_ordinal)} on ${best.title}; α of 0.67 or more is usually read as acceptable, 0.8 as good.`
      : criteria.length
        ? `Exact agreement ${criteria.map((c) => `${c.title} ${pct(c.exact)}`).join(', ')}.`
        : 'No criterion has two ratings of the same unit yet.';
  const height = Math.max(180, criteria.length * 44 + 60);
  return (
    <ChartCard title="Agreement per criterion" summary={summary} testId="criterion-chart">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <div>
          <Text size="xs" fw={600} mb={4}>
            Krippendorff’s α (ordinal) with 95 % interval
          </Text>
          <BarChart
            h={height}
            data={alphaData}
            dataKey="criterion"
            orientation="vertical"
            yAxisProps={{ width: 210 }}
            xAxisProps={{ domain: [Math.floor(lowest * 10) / 10, 1], ticks: [Math.floor(lowest * 10) / 10, 0, 0.67, 0.8, 1].filter((v, i, a) => a.indexOf(v) === i) }}
            series={[{ name: 'alpha', label: 'α ordinal', color: 'indigo.6' }]}
            referenceLines={[{ x: 0.67, color: 'orange.6', label: '0.67' }, { x: 0.8, color: 'teal.6', label: '0.8' }]}
            barProps={{ children: <ErrorBar dataKey="ci" width={6} strokeWidth={1.5} stroke="var(--mantine-color-dark-6)" direction="x" /> }}
            gridAxis="x"
            tooltipAnimationDuration={0}
            valueFormatter={(v) => v.toFixed(2)}
          />
        </div>
        <div>
          <Text size="xs" fw={600} mb={4}>
            Exact and adjacent agreement (share of reviewer pairs)
          </Text>
          <BarChart
            h={height}
            data={agreementData}
            dataKey="criterion"
            orientation="vertical"
            yAxisProps={{ width: 210 }}
            xAxisProps={{ domain: [0, 100] }}
            valueFormatter={(v) => `${v} %`}
            series={[
              { name: 'exact', label: 'Exact', color: 'teal.6' },
              { name: 'adjacent', label: 'Within one level', color: 'teal.2' },
            ]}
            withLegend
            gridAxis="x"
            tooltipAnimationDuration={0}
          />
        </div>
      </SimpleGrid>
    </ChartCard>
  );
}
