import '@mantine/charts/styles.css';
import { useState } from 'react';
import { Alert, Anchor as Link, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Input } from '../../../../src-shared/contracts';
import type { Report } from '../../../../src-shared/contracts/calibration';
import { api } from '../../../api/transport';
import { saveExport } from '../../../api/download';
import { CriterionChart } from './CriterionChart';
import { CriterionTable } from './CriterionTable';
import { DriftChart } from './DriftChart';
import { Heatmap } from './Heatmap';
import { ReviewerTable } from './ReviewerTable';

type Target = Input<'calibration.report.export'>['target'];

function ExportButtons({ target }: { target: Target }) {
  const [busy, setBusy] = useState<'csv' | 'pdf' | null>(null);
  const run = async (format: 'csv' | 'pdf') => {
    setBusy(format);
    try {
      const where = await saveExport(await api.call('calibration.report.export', { target, format }));
      if (where) notifications.show({ color: 'teal', message: `Report saved: ${where}` });
    } catch (err) {
      notifications.show({ color: 'red', title: 'Not exported', message: (err as Error).message });
    } finally {
      setBusy(null);
    }
  };
  return (
    <Group gap="xs">
      <Button variant="default" size="xs" loading={busy === 'csv'} onClick={() => void run('csv')}>
        Export CSV
      </Button>
      <Button variant="default" size="xs" loading={busy === 'pdf'} onClick={() => void run('pdf')}>
        Export PDF
      </Button>
    </Group>
  );
}

function Ambiguous({ report }: { report: Report }) {
  const a = report.ambiguous;
  if (!a) return null;
  const unit = report.kind === 'round' ? 'anchor' : 'portfolio';
  return (
    <Alert color="orange" variant="light" title={`Most ambiguous criterion: ${a.title}`} data-testid="ambiguous-callout">
      <Text size="sm">{a.why.charAt(0).toUpperCase() + a.why.slice(1)}.</Text>
      {a.units.length > 0 && (
        <>
          <Text size="sm" mt={6}>
            The {a.units.length === 1 ? unit : `${unit}s`} that split reviewers most:
          </Text>
          <List size="sm" spacing={2}>
            {a.units.map((u) => (
              <List.Item key={u.portfolioId}>
                <Link href={`#/portfolio/${encodeURIComponent(u.portfolioId)}`}>{u.portfolioId}</Link>: levels{' '}
                {Object.entries(u.levels)
                  .map(([level, n]) => `${level} (×${n})`)
                  .join(', ')}
                {u.reference !== null && <> — {report.against === 'reference' ? 'reference' : 'decision'} {u.reference}</>}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}

/** A calibration or production report: findings first, then per-criterion, per-reviewer and drift views. */
export function ReportView({ report, target }: { report: Report; target: Target }) {
  if (report.ratings === 0)
    return (
      <Alert color="gray" title="No scores yet" data-testid="report-empty">
        {report.kind === 'round' ? 'Nobody has submitted an anchor in this round yet.' : 'No portfolio has two submitted reviews in this period.'}
      </Alert>
    );
  return (
    <Stack gap="md" data-testid="report">
      <Card withBorder component="section" aria-labelledby="findings-title">
        <Group justify="space-between" align="flex-start">
          <Title order={3} size="h5" id="findings-title">
            Findings
          </Title>
          <ExportButtons target={target} />
        </Group>
        <Text size="xs" c="dimmed" mb={6}>
          {report.ratings} ratings of {report.units} {report.kind === 'round' ? 'anchors' : 'portfolios'} by {report.reviewers} reviewers, compared with{' '}
          {report.against === 'reference' ? 'the reference levels' : 'the decision in force'}.
        </Text>
        <List size="sm" spacing={4} data-testid="findings">
          {report.findings.map((f) => (
            <List.Item key={f}>{f}</List.Item>
          ))}
        </List>
      </Card>
      <Ambiguous report={report} />
      <CriterionChart criteria={report.criteria} />
      <CriterionTable criteria={report.criteria} outcome={report.outcome} />
      <Heatmap report={report} />
      <Card withBorder component="section" aria-labelledby="reviewers-title">
        <Title order={3} size="h5" id="reviewers-title" mb="xs">
          Reviewers against {report.against === 'reference' ? 'the reference' : 'the decision in force'}
        </Title>
        <ReviewerTable report={report} />
      </Card>
      <DriftChart report={report} />
    </Stack>
  );
}
