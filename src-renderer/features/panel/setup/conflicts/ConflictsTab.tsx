import { useMemo, useState } from 'react';
import { Button, Card, Grid, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../../api/transport';
import { useApiQuery } from '../../../../api/queries';
import { ApiErrorAlert } from '../../shared/ApiErrorAlert';

/** Declared reviewer–candidate conflicts (besides the same-school/district rules of the policy); allocation never crosses them. */
export function ConflictsTab() {
  const conflicts = useApiQuery('conflicts.list', {});
  const reviewers = useApiQuery('reviewers.list', {});
  const queue = useApiQuery('queue.list', { limit: 500, sort: 'candidate' });
  const candidates = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of queue.data?.rows ?? []) if (!seen.has(r.candidate.id)) seen.set(r.candidate.id, `${r.candidate.name} · ${r.candidate.school}`);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [queue.data]);
  const [reviewerId, setReviewerId] = useState<string | null>(null);
  const [candidateId, setCandidateId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const queryClient = useQueryClient();
  const declare = useMutation({
    mutationFn: () => api.call('conflicts.declare', { reviewerId: reviewerId!, candidateId: candidateId!, reason: reason.trim() }),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: 'Conflict recorded; allocation will keep them apart.' });
      setCandidateId(null);
      setReason('');
      await queryClient.invalidateQueries({ queryKey: ['conflicts.list'] });
    },
  });
  const reviewerName = (id: string) => reviewers.data?.find((r) => r.id === id)?.name ?? id;
  const candidateName = (id: string) => candidates.find((c) => c.value === id)?.label ?? id;
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Card withBorder p={0} component="section" aria-labelledby="conflicts-title">
          <Title order={3} size="h5" id="conflicts-title" p="md" pb="xs">
            Declared conflicts
          </Title>
          <ApiErrorAlert error={conflicts.error} />
          {conflicts.data?.length === 0 ? (
            <Text size="sm" c="dimmed" px="md" pb="md">
              None declared. Same-school (and, by policy, same-district) conflicts apply without being declared.
            </Text>
          ) : (
            <Table verticalSpacing="xs" data-testid="conflicts-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Reviewer</Table.Th>
                  <Table.Th>Candidate</Table.Th>
                  <Table.Th>Reason</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(conflicts.data ?? []).map((c) => (
                  <Table.Tr key={`${c.reviewerId}/${c.candidateId}`}>
                    <Table.Td>{reviewerName(c.reviewerId)}</Table.Td>
                    <Table.Td>{candidateName(c.candidateId)}</Table.Td>
                    <Table.Td>{c.reason || '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Card withBorder component="section" aria-labelledby="declare-title">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (reviewerId && candidateId) declare.mutate();
            }}
          >
            <Stack gap="sm">
              <Title order={3} size="h5" id="declare-title">
                Declare a conflict
              </Title>
              <Select
                label="Reviewer"
                searchable
                required
                data={(reviewers.data ?? []).filter((r) => r.roles.includes('reviewer')).map((r) => ({ value: r.id, label: `${r.name} · ${r.school}` }))}
                value={reviewerId}
                onChange={setReviewerId}
              />
              <Select label="Candidate" searchable required data={candidates} value={candidateId} onChange={setCandidateId} nothingFoundMessage="No candidate by that name" />
              <TextInput label="Reason" placeholder="e.g. former colleague, relative" value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={500} />
              <ApiErrorAlert error={declare.error} title="Not recorded" />
              <Group justify="flex-end">
                <Button type="submit" disabled={!reviewerId || !candidateId} loading={declare.isPending}>
                  Declare conflict
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      </Grid.Col>
    </Grid>
  );
}
