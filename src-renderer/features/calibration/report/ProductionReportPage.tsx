import { Card, Group, Loader, Select, Stack, Text, TextInput } from '@mantine/core';
import { format, subYears } from 'date-fns';
import { useSearchParams } from 'react-router';
import { useApiQuery } from '../../../api/queries';
import { ApiErrorAlert } from '../../panel/shared/ApiErrorAlert';
import { PageHeader } from '../../panel/shared/PageHeader';
import { RequireRole } from '../../panel/shared/RequireRole';
import { ReportView } from './ReportView';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The same statistics over production double reviews in a date range (linkable: `#/calibration/production?from=
 * 2026-01-01&to=2026-06-30&credential=CST-8`, e.g. from the panel dashboard).
 */
function Production() {
  const [params, setParams] = useSearchParams();
  const today = new Date();
  const from = DATE.test(params.get('from') ?? '') ? params.get('from')! : format(subYears(today, 1), 'yyyy-MM-dd');
  const to = DATE.test(params.get('to') ?? '') ? params.get('to')! : format(today, 'yyyy-MM-dd');
  const credential = params.get('credential') ?? undefined;
  const facets = useApiQuery('queue.facets', {});
  const valid = from <= to;
  const report = useApiQuery('calibration.report.production', { from, to, ...(credential ? { credential } : {}) }, { enabled: valid });
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.set('from', key === 'from' && value ? value : from);
    next.set('to', key === 'to' && value ? value : to);
    setParams(next, { replace: true });
  };
  return (
    <Stack gap="md" pb="xl">
      <PageHeader
        title="Agreement in production"
        description="Portfolios with two or more submitted reviews in the period: how often reviewers agree, per criterion and on the outcome, and how each reviewer compares with the decision in force."
      />
      <Card withBorder>
        <Group align="flex-end">
          <TextInput type="date" label="From" value={from} max={to} onChange={(e) => DATE.test(e.currentTarget.value) && set('from', e.currentTarget.value)} />
          <TextInput type="date" label="To" value={to} min={from} onChange={(e) => DATE.test(e.currentTarget.value) && set('to', e.currentTarget.value)} />
          <Select
            label="Credential"
            placeholder="All credentials"
            clearable
            data={(facets.data?.credentials ?? []).map((c) => ({ value: c.code, label: `${c.code} · ${c.title}` }))}
            value={credential ?? null}
            onChange={(v) => set('credential', v)}
            w={320}
          />
        </Group>
        {!valid && (
          <Text size="sm" c="red" mt="xs" role="alert">
            The period must end on or after the day it starts.
          </Text>
        )}
      </Card>
      <ApiErrorAlert error={report.error} title="The report could not be computed" />
      {report.isLoading && valid && <Loader aria-label="Computing the report" />}
      {report.data && valid && <ReportView report={report.data} target={{ kind: 'production', from, to, ...(credential ? { credential } : {}) }} />}
    </Stack>
  );
}

export function ProductionReportPage() {
  return (
    <RequireRole roles={['lead', 'admin', 'moderator']}>
      <Production />
    </RequireRole>
  );
}
