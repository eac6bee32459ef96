import '@mantine/charts/styles.css';
import { useState } from 'react';
import { Alert, Anchor as Link, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Input } from '../../../../src-shared/contracts';
import type { Report, RubricSection } from '../../../../src-shared/contracts/calibration';
import { AMBIGUOUS_RULE, MIN_UNITS_FOR_COEFFICIENTS, MIN_UNITS_FOR_INTERVAL, TOO_FEW_UNITS, TOO_FEW_UNITS_FOR_INTERVAL } from '../../../../src-shared/stats';
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

/** The rubric's most ambiguous criterion by the stated rule, or why none is named. */
function Ambiguous({ report, section }: { report: Report; section: RubricSection }) {
  const a = section.ambiguous;
  if (!a)
    return (
      <Text size="sm" c="dimmed" data-testid="ambiguous-none">
        No criterion is named most ambiguous: none of this rubric’s criteria has an ordinal α from at least {MIN_UNITS_FOR_COEFFICIENTS} units.
      </Text>
    );
  const unit = report.kind === 'round' ? 'anchor' : 'portfolio';
  return (
    <Alert color="orange" variant="light" title={`Most ambiguous criterion: ${a.title}`} data-testid="ambiguous-callout">
      <Text size="sm">{a.why.charAt(0).toUpperCase() + a.why.slice(1)}.</Text>
      <Text size="xs" mt={4} data-testid="ambiguous-rule">
        Rule: {AMBIGUOUS_RULE}.
      </Text>
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

/** One rubric version's part of the report, under its own heading: its criteria are never charted with another rubric's. */
function RubricPart({ report, section }: { report: Report; section: RubricSection }) {
  const id = `rubric-${section.id}-${section.version}`;
  return (
    <Stack gap="md" component="section" aria-labelledby={id} data-testid="rubric-section" data-rubric={`${section.id}@${section.version}`}>
      <div>
        <Title order={3} size="h4" id={id}>
          {section.title}
        </Title>
        <Text size="xs" c="dimmed">
          {section.ratings} ratings of {section.units} {report.kind === 'round' ? 'anchors' : 'portfolios'}.
        </Text>
      </div>
      <Ambiguous report={report} section={section} />
      <CriterionChart criteria={section.criteria} title={section.title} />
      <CriterionTable criteria={section.criteria} outcome={section.outcome} label={`Agreement statistics per criterion, ${section.title}`} />
      <Heatmap report={report} section={section} />
    </Stack>
  );
}

/** A calibration or production report: findings first, then one part per rubric, then per-reviewer and drift views. */
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
          {report.against === 'reference' ? 'the reference levels' : 'the decision in force'}
          {report.rubrics.length > 1 ? `, in ${report.rubrics.length} rubrics reported one by one` : ''}.
        </Text>
        <List size="sm" spacing={4} data-testid="findings">
          {report.findings.map((f) => (
            <List.Item key={f}>{f}</List.Item>
          ))}
        </List>
        <Text size="xs" c="dimmed" mt={8} data-testid="report-rules">
          Most ambiguous criterion: {AMBIGUOUS_RULE}. α and κ are shown from {MIN_UNITS_FOR_COEFFICIENTS} units rated by two or more reviewers (fewer: “{TOO_FEW_UNITS}”), the 95 % interval
          from {MIN_UNITS_FOR_INTERVAL} units (fewer: “{TOO_FEW_UNITS_FOR_INTERVAL}”).
        </Text>
      </Card>
      {report.rubrics.map((section) => (
        <RubricPart key={`${section.id}@${section.version}`} report={report} section={section} />
      ))}
      <Card withBorder component="section" aria-labelledby="reviewers-title">
        <Title order={3} size="h5" id="reviewers-title" mb="xs">
          Reviewers against {report.against === 'reference' ? 'the reference' : 'the decision in force'}
          {report.rubrics.length > 1 ? ', all rubrics' : ''}
        </Title>
        <ReviewerTable report={report} />
      </Card>
      <DriftChart report={report} />
    </Stack>
  );
}
