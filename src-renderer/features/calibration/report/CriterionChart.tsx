import { BarChart } from '@mantine/charts';
import { SimpleGrid, Text } from '@mantine/core';
import { Bar, BarChart as ReBarChart, CartesianGrid, ErrorBar, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CriterionStats } from '../../../../src-shared/contracts/calibration';
import { MIN_UNITS_FOR_COEFFICIENTS, MIN_UNITS_FOR_INTERVAL, TOO_FEW_UNITS, TOO_FEW_UNITS_FOR_INTERVAL } from '../../../../src-shared/stats';
import { ChartCard } from '../../panel/dashboard/ChartCard';
import { distinctStubs, num2, pct } from '../shared/format';

interface AlphaPoint {
  criterion: string;
  alpha: number | null;
  ci: number[];
  interval: string;
}

/**
 * Alpha as bars with the bootstrap interval as error bars. Drawn with recharts itself, which @mantine/charts wraps:
 * Mantine's BarChart does not pass children (an ErrorBar) through to its bars. Colours and fonts follow the theme.
 */
function AlphaChart({ data, height, lowest }: { data: AlphaPoint[]; height: number; lowest: number }) {
  const min = Math.floor(lowest * 10) / 10;
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ReBarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 0 }}>
        <CartesianGrid horizontal={false} stroke="var(--mantine-color-gray-3)" strokeDasharray="5 5" />
        <XAxis type="number" domain={[min, 1]} ticks={[...new Set([min, 0, 0.5, 0.67, 0.8, 1])].sort((a, b) => a - b)} tick={{ fontSize: 12, fill: 'var(--mantine-color-dimmed)' }} />
        <YAxis type="category" dataKey="criterion" width={210} tick={{ fontSize: 12, fill: 'var(--mantine-color-text)' }} />
        <ReferenceLine x={0.67} stroke="var(--mantine-color-orange-6)" strokeDasharray="4 3" />
        <ReferenceLine x={0.8} stroke="var(--mantine-color-teal-6)" strokeDasharray="4 3" />
        <ReferenceLine x={0} stroke="var(--mantine-color-gray-6)" />
        <Tooltip
          isAnimationActive={false}
          formatter={(value, _name, item) => [value === null || value === undefined ? TOO_FEW_UNITS : `${Number(value).toFixed(2)} ${(item.payload as AlphaPoint).interval}`, 'α ordinal']}
          contentStyle={{ fontSize: 12, borderRadius: 4 }}
        />
        <Bar dataKey="alpha" name="α ordinal" fill="var(--mantine-color-indigo-6)" isAnimationActive={false} barSize={18}>
          <ErrorBar dataKey="ci" width={6} strokeWidth={1.5} stroke="var(--mantine-color-dark-7)" direction="x" isAnimationActive={false} />
        </Bar>
      </ReBarChart>
    </ResponsiveContainer>
  );
}

/**
 * Per criterion of one rubric: Krippendorff's ordinal alpha with its 95 % bootstrap interval (error bars), and
 * exact and adjacent agreement. Two panels because they are on different scales (alpha from −1 to 1, agreement a
 * share). Axis labels are stubs that stay distinct; the tooltip and the table give the full title.
 */
export function CriterionChart({ criteria, title }: { criteria: CriterionStats[]; title: string }) {
  const stubs = distinctStubs(criteria.map((c) => c.title));
  const alphaData = criteria.map((c, i) => ({
    criterion: stubs[i]!,
    alpha: c.alpha_ordinal === null ? null : Number(c.alpha_ordinal.toFixed(3)),
    // recharts draws [below, above] the bar's end.
    ci: c.alpha_ordinal !== null && c.alpha_ordinal_ci ? [c.alpha_ordinal - c.alpha_ordinal_ci[0], c.alpha_ordinal_ci[1] - c.alpha_ordinal] : [0, 0],
    interval: c.alpha_ordinal_ci ? `[${num2(c.alpha_ordinal_ci[0])}, ${num2(c.alpha_ordinal_ci[1])}]` : c.withheld === 'interval' ? `(${TOO_FEW_UNITS_FOR_INTERVAL})` : '',
  }));
  const lowest = Math.min(0, ...criteria.flatMap((c) => (c.alpha_ordinal_ci ? [c.alpha_ordinal_ci[0]] : c.alpha_ordinal !== null ? [c.alpha_ordinal] : [])));
  const agreementData = criteria.map((c, i) => ({
    criterion: stubs[i]!,
    exact: c.exact === null ? null : Math.round(c.exact * 100),
    adjacent: c.adjacent === null ? null : Math.round(c.adjacent * 100),
  }));
  const worst = [...criteria].filter((c) => c.alpha_ordinal !== null).sort((a, b) => a.alpha_ordinal! - b.alpha_ordinal!)[0];
  const best = [...criteria].filter((c) => c.alpha_ordinal !== null).sort((a, b) => b.alpha_ordinal! - a.alpha_ordinal!)[0];
  const summary =
    worst && best && worst !== best
      ? `Reliability (ordinal α) ranges from ${num2(worst.alpha_ordinal)} on ${worst.title} to ${num2(best.alpha_ordinal)} on ${best.title}; Krippendorff reads α of 0.8 or more as reliable and 0.667 to 0.8 as enough for tentative conclusions only.`
      : criteria.length
        ? `Exact agreement ${criteria.map((c) => `${c.title} ${pct(c.exact)}`).join(', ')}.`
        : 'No criterion has two ratings of the same unit yet.';
  const few = criteria.filter((c) => c.withheld === 'coefficients').length;
  const noInterval = criteria.filter((c) => c.withheld === 'interval').length;
  const caution =
    (few ? ` ${few} of ${criteria.length} criteria: ${TOO_FEW_UNITS} for α (fewer than ${MIN_UNITS_FOR_COEFFICIENTS}).` : '') +
    (noInterval ? ` ${noInterval === criteria.length ? 'No criterion has' : `${noInterval} criteria lack`} the ${MIN_UNITS_FOR_INTERVAL} units an interval needs.` : '');
  const height = Math.max(180, criteria.length * 44 + 60);
  return (
    <ChartCard title="Agreement per criterion" label={`Agreement per criterion, ${title}`} summary={summary + caution} testId="criterion-chart" order={4}>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <div>
          <Text size="xs" fw={600} mb={4}>
            Krippendorff’s α (ordinal) with 95 % interval
          </Text>
          {criteria.some((c) => c.alpha_ordinal !== null) ? (
            <AlphaChart data={alphaData} height={height} lowest={lowest} />
          ) : (
            <Text size="sm" c="dimmed" py="md" data-testid="alpha-chart-empty">
              No bar to draw: every criterion has {TOO_FEW_UNITS} (fewer than {MIN_UNITS_FOR_COEFFICIENTS}) or a single level.
            </Text>
          )}
          <Text size="xs" c="dimmed">
            Whiskers: 95 % bootstrap interval (from {MIN_UNITS_FOR_INTERVAL} units). Dashed lines: 0.67 (tentative) and 0.8 (reliable). A missing bar: {TOO_FEW_UNITS} (fewer than{' '}
            {MIN_UNITS_FOR_COEFFICIENTS}) or α cannot be computed (a single level).
          </Text>
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
