import { useState } from 'react';
import { Button, Card, Group, Modal, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Duplicate } from '../../../../src-shared/contracts/credit';
import { api } from '../../../api/transport';
import { useApiQuery } from '../../../api/queries';
import { ErrorAlert } from '../shared/ui';

/** Likely duplicates (same email under two ids, same name at the same school), each mergeable with a reason. */
export function DuplicatesCard({ duplicates }: { duplicates?: Duplicate[] }) {
  const all = useApiQuery('credit.duplicates', {}, { enabled: duplicates === undefined });
  const list = duplicates ?? all.data ?? [];
  const [merging, setMerging] = useState<Duplicate | null>(null);
  return (
    <Card withBorder component="section" aria-labelledby="duplicates-title" data-testid="duplicates">
      <Stack gap="xs">
        <Title order={3} size="h5" id="duplicates-title">
          Likely duplicates
        </Title>
        {list.length === 0 ? (
          <Text size="sm" c="dimmed">
            None found.
          </Text>
        ) : (
          list.map((d) => (
            <Group key={`${d.a.id}-${d.b.id}`} justify="space-between" wrap="nowrap" align="flex-start">
              <div>
                <Text size="sm" fw={600}>
                  {d.a.name} ({d.a.id}) and {d.b.name} ({d.b.id})
                </Text>
                <Text size="xs" c="dimmed">
                  {d.reason}
                </Text>
              </div>
              <Button size="xs" variant="light" onClick={() => setMerging(d)} aria-label={`Merge ${d.a.id} and ${d.b.id}`}>
                Merge
              </Button>
            </Group>
          ))
        )}
      </Stack>
      {merging && <MergeModal pair={merging} onClose={() => setMerging(null)} />}
    </Card>
  );
}

function MergeModal({ pair, onClose }: { pair: Duplicate; onClose(): void }) {
  const [keep, setKeep] = useState(pair.a.id);
  const [reason, setReason] = useState('');
  const queryClient = useQueryClient();
  const from = keep === pair.a.id ? pair.b : pair.a;
  const merge = useMutation({
    mutationFn: () => api.call('credit.merge', { from: from.id, into: keep, reason }),
    onSuccess: () => {
      void queryClient.invalidateQueries();
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title="Merge two candidate records" size="lg">
      <Stack gap="sm">
        <Radio.Group label="Keep which record?" value={keep} onChange={setKeep}>
          <Stack gap={6} mt={4}>
            {[pair.a, pair.b].map((c) => (
              <Radio key={c.id} value={c.id} label={`${c.name} (${c.id}), ${c.email}${c.school ? `, ${c.school}` : ''}`} />
            ))}
          </Stack>
        </Radio.Group>
        <Text size="sm">
          Everything recorded for {from.id} (attempts, decisions, credentials earned elsewhere, applications) moves to {keep}. The merged record is kept in the audit
          log and the merge history, and {from.id} keeps finding this candidate.
        </Text>
        <Textarea label="Why are these the same person?" required minRows={2} autosize value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <ErrorAlert error={merge.error} title="The records were not merged" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => merge.mutate()} disabled={reason.trim().length < 3} loading={merge.isPending}>
            Merge into {keep}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
