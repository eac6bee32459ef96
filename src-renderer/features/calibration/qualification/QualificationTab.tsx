import { useState } from 'react';
import { Badge, Button, Card, Group, Loader, NumberInput, Select, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { QualificationOverview, Threshold } from '../../../../src-shared/contracts/calibration';
import { useApiQuery } from '../../../api/queries';
import { api } from '../../../api/transport';
import { ApiErrorAlert } from '../../panel/shared/ApiErrorAlert';
import { ScrollTable } from '../shared/ScrollTable';

function ThresholdForm({ overview }: { overview: QualificationOverview }) {
  const queryClient = useQueryClient();
  const [scope, setScope] = useState<string>('*');
  const current = scope === '*' ? overview.global : (overview.perCredential.find((p) => p.credential === scope)?.threshold ?? null);
  const [exact, setExact] = useState<number>(Math.round((current ?? overview.global).minExact * 100));
  const [off, setOff] = useState<number>((current ?? overview.global).maxOff);
  const save = useMutation({
    mutationFn: (threshold: Threshold | null) => api.call('calibration.qualification.set', { credential: scope === '*' ? null : scope, threshold }),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: 'Qualification thresholds saved.' });
      await queryClient.invalidateQueries();
    },
  });
  const pick = (v: string | null) => {
    const s = v ?? '*';
    setScope(s);
    const t = s === '*' ? overview.global : (overview.perCredential.find((p) => p.credential === s)?.threshold ?? overview.global);
    setExact(Math.round(t.minExact * 100));
    setOff(t.maxOff);
  };
  return (
    <Card withBorder component="section" aria-labelledby="thresholds-title">
      <Title order={3} size="h5" id="thresholds-title">
        Thresholds
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        A reviewer is qualified for a credential when their latest finished round on its rubric reaches the exact agreement below and no criterion of any anchor
        is further from the reference than allowed. Panel policies can then require qualified reviewers.
      </Text>
      <Group align="flex-end">
        <Select
          label="Applies to"
          data={[{ value: '*', label: 'Every credential (default)' }, ...overview.credentials.map((c) => ({ value: c.code, label: `${c.code} · ${c.title}` }))]}
          value={scope}
          onChange={pick}
          w={320}
          allowDeselect={false}
        />
        <NumberInput label="Exact agreement at least (%)" min={0} max={100} allowDecimal={false} value={exact} onChange={(v) => setExact(typeof v === 'number' ? v : 0)} w={200} />
        <NumberInput label="At most levels off" min={0} max={10} allowDecimal={false} value={off} onChange={(v) => setOff(typeof v === 'number' ? v : 0)} w={160} />
        <Button onClick={() => save.mutate({ minExact: exact / 100, maxOff: off })} loading={save.isPending}>
          Save
        </Button>
        {scope !== '*' && current && (
          <Button variant="subtle" onClick={() => save.mutate(null)}>
            Use the default instead
          </Button>
        )}
      </Group>
      {scope !== '*' && !current && (
        <Text size="xs" c="dimmed" mt={4}>
          {scope} follows the default ({Math.round(overview.global.minExact * 100)} %, {overview.global.maxOff} level off) until you save its own.
        </Text>
      )}
      <ApiErrorAlert error={save.error} title="Not saved" />
    </Card>
  );
}

export function QualificationTab() {
  const overview = useApiQuery('calibration.qualification.get', {});
  if (overview.error) return <ApiErrorAlert error={overview.error} />;
  if (!overview.data) return <Loader aria-label="Loading qualification" />;
  const o = overview.data;
  return (
    <Stack gap="md">
      <ThresholdForm key={JSON.stringify(o.global) + JSON.stringify(o.perCredential)} overview={o} />
      <ScrollTable minWidth={640} label="Who is qualified for which credential">
        <Table withTableBorder striped verticalSpacing="xs" aria-label="Who is qualified for which credential" data-testid="qualification-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Reviewer</Table.Th>
              {o.credentials.map((c) => (
                <Table.Th key={c.code} scope="col">
                  {c.code}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {o.reviewers.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Th scope="row" fw={500}>
                  {r.name}
                </Table.Th>
                {r.results.map((q) => (
                  <Table.Td key={q.credential}>
                    <Tooltip label={q.reason} multiline w={280}>
                      <Badge color={q.qualified ? 'teal' : 'gray'} variant={q.qualified ? 'filled' : 'light'} tabIndex={0} aria-label={`${q.qualified ? 'Qualified' : 'Not qualified'}: ${q.reason}`}>
                        {q.qualified ? 'qualified' : 'no'}
                      </Badge>
                    </Tooltip>
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}
