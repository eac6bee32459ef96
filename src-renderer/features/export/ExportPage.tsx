import { useState } from 'react';
import { Alert, Button, Card, Group, MultiSelect, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { STATUS_LABEL, type Status } from '../../../src-shared/domain/status';
import { api } from '../../api/transport';
import { useApiQuery } from '../../api/queries';
import { saveExport } from '../../api/download';
import { useMe } from '../profile/ProfileProvider';

const EXPORTABLE: Status[] = ['decided', 'exported', 'returned'];

/**
 * Decisions out to the student-record or district systems: CSV for spreadsheets, JSON for scripts. Leads and admins
 * export the programme's decisions; anyone else their own reviews (the service decides; this page only words it).
 */
export function ExportPage() {
  const me = useMe();
  const programme = me.roles.some((r) => r === 'lead' || r === 'admin');
  const noun = programme ? 'decision' : 'review';
  const facets = useApiQuery('queue.facets', {});
  const [format, setFormat] = useState<'csv' | 'json'>('csv');
  const [status, setStatus] = useState<Status[]>(['decided']);
  const [credential, setCredential] = useState<string | null>(null);
  const [district, setDistrict] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: async () => {
      const file = await api.call('export.decisions', {
        format,
        filter: { status: status.length ? status : undefined, credential: credential ?? undefined, district: district ?? undefined, search: search || undefined },
      });
      const savedAs = await saveExport(file);
      return { file, savedAs };
    },
    onSuccess: () => void queryClient.invalidateQueries(),
  });
  return (
    <Stack maw={760} gap="md">
      <Title order={2}>{programme ? 'Export decisions' : 'Export my reviews'}</Title>
      {programme ? (
        <Text c="dimmed" size="sm">
          One row per decision with the candidate, credential, attempt, outcome, total, every criterion&apos;s level, comment and cited evidence, the reviewer,
          the date and the feedback. Exported portfolios are marked exported and can be exported again.
        </Text>
      ) : (
        <Text c="dimmed" size="sm">
          One row per review you submitted, in the same columns as the panel&apos;s decisions export, with candidates withheld where review is anonymous.
          Exporting the programme&apos;s decisions is for panel leads and administrators; your export marks nothing exported.
        </Text>
      )}
      <Card withBorder>
        <Stack gap="sm">
          <SegmentedControl
            value={format}
            onChange={(v) => setFormat(v as 'csv' | 'json')}
            data={[
              { value: 'csv', label: 'CSV (spreadsheet)' },
              { value: 'json', label: 'JSON' },
            ]}
            aria-label="Format"
          />
          <MultiSelect
            label="Status"
            data={EXPORTABLE.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
            value={status}
            onChange={(v) => setStatus(v as Status[])}
            placeholder="Any decided portfolio"
          />
          <Group grow>
            <Select
              label="Credential"
              clearable
              placeholder="All credentials"
              data={(facets.data?.credentials ?? []).map((c) => ({ value: c.code, label: c.title }))}
              value={credential}
              onChange={setCredential}
            />
            <Select label="District" clearable placeholder="All districts" data={facets.data?.districts ?? []} value={district} onChange={setDistrict} />
          </Group>
          <TextInput label="Candidate or portfolio" placeholder="Name, email or id" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button onClick={() => run.mutate()} loading={run.isPending}>
              Export
            </Button>
          </Group>
          {run.error && <Alert color="red">{run.error.message}</Alert>}
          {run.data && (
            <Alert color={run.data.file.count ? 'teal' : 'gray'} data-testid="export-result">
              {run.data.file.count
                ? `Exported ${run.data.file.count} ${noun}${run.data.file.count === 1 ? '' : 's'} to ${run.data.savedAs ?? 'nowhere (cancelled)'}.`
                : `No ${noun}s match these filters.`}
            </Alert>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}
