import { LineChart } from '@mantine/charts';
import { useState } from 'react';
import { SegmentedControl, Text } from '@mantine/core';
import type { Report } from '../../../../src-shared/contracts/calibration';
import { ChartCard } from '../../panel/dashboard/ChartCard';
import { signed } from '../shared/format';

const PALETTE = ['indigo.6', 'orange.6', 'teal.6', 'grape.6', 'red.6', 'cyan.6', 'lime.7', 'pink.6', 'yellow.7', 'blue.6'];

/**
 * Each reviewer's mean signed difference per round (calibration) or per month (production): a line that moves away
 * from zero is a reviewer drifting towards leniency (up) or severity (down).
 */
export function DriftChart({ report }: { report: Report }) {
  const hasRounds = report.drift.byRound.length > 0;
  const [period, setPeriod] = useState<'round' | 'month'>(hasRounds ? 'round' : 'month');
  const byRound = hasRounds && period === 'round';
  const names = new Map(report.perReviewer.map((r) => [r.reviewerId, r.name]));
  const reviewers = [...new Set((byRound ? report.drift.byRound : report.drift.byMonth).map((d) => d.reviewerId))].filter((id) => names.has(id));
  const xs = byRound ? report.drift.rounds.map((r) => ({ key: String(r.id), label: r.name })) : [...new Set(report.drift.byMonth.map((d) => d.month))].sort().map((m) => ({ key: m, label: m }));
  const data = xs.map((x) => {
    const row: Record<string, string | number | null> = { period: x.label };
    for (const id of reviewers) {
      const point = byRound
        ? report.drift.byRound.find((d) => d.reviewerId === id && String(d.roundId) === x.key)
        : report.drift.byMonth.find((d) => d.reviewerId === id && d.month === x.key);
      row[id] = point?.mean_signed_difference === null || point?.mean_signed_difference === undefined ? null : Number(point.mean_signed_difference.toFixed(3));
    }
    return row;
  });
  const moves = reviewers
    .map((id) => {
      const pts = data.map((d) => d[id]).filter((v): v is number => typeof v === 'number');
      return { id, change: pts.length >= 2 ? pts.at(-1)! - pts.at(-2)! : 0, last: pts.at(-1) ?? null };
    })
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
  const top = moves[0];
  const summary =
    xs.length < 2
      ? `Only one ${byRound ? 'round' : 'month'} so far: drift shows from the second on.`
      : top && Math.abs(top.change) >= 0.25
        ? `Biggest move: ${names.get(top.id)} ${signed(top.change)} levels since the previous ${byRound ? 'round' : 'month'} (now ${signed(top.last)}).`
        : 'No reviewer moved by a quarter of a level or more between the last two periods.';
  return (
    <ChartCard
      title={`Drift: mean signed difference per ${byRound ? 'round' : 'month'}`}
      summary={summary}
      testId="drift-chart"
      actions={
        hasRounds && report.drift.byMonth.length > 0 ? (
          <SegmentedControl
            size="xs"
            aria-label="Drift per"
            value={period}
            onChange={(v) => setPeriod(v as 'round' | 'month')}
            data={[
              { value: 'round', label: 'Per round' },
              { value: 'month', label: 'Per month' },
            ]}
          />
        ) : undefined
      }
    >
      {reviewers.length === 0 ? (
        <Text size="sm" c="dimmed">
          No scores to follow yet.
        </Text>
      ) : (
        <LineChart
          h={300}
          data={data}
          dataKey="period"
          series={reviewers.map((id, i) => ({ name: id, label: names.get(id) ?? id, color: PALETTE[i % PALETTE.length]! }))}
          curveType="linear"
          connectNulls
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          yAxisProps={{ domain: [-1.5, 1.5], ticks: [-1.5, -1, -0.5, 0, 0.5, 1, 1.5] }}
          referenceLines={[{ y: 0, color: 'gray.6' }]}
          xAxisProps={{ padding: { left: 48, right: 48 } }}
          valueFormatter={(v) => signed(v)}
          gridAxis="y"
          tooltipAnimationDuration={0}
        />
      )}
    </ChartCard>
  );
}
