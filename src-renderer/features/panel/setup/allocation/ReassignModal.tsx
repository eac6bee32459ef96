import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Output } from '../../../../../src-shared/contracts';
import { api } from '../../../../api/transport';
import { useApiQuery } from '../../../../api/queries';
import { ApiErrorAlert } from '../../shared/ApiErrorAlert';

type Assignment = Output<'assignments.list'>[number];

/** Moves an open assignment to another reviewer; the service checks eligibility (conflicts, load) and says why not. */
export function ReassignModal({ assignment, onClose }: { assignment: Assignment; onClose(): void }) {
  const reviewers = useApiQuery('reviewers.list', {});
  const dashboard = useApiQuery('panel.dashboard', {});
  const [to, setTo] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const move = useMutation({
    mutationFn: () => api.call('assignments.reassign', { portfolioId: assignment.portfolio, from: assignment.reviewer, to: to! }),
    onSuccess: async (a) => {
      notifications.show({ color: 'teal', message: `${a.portfolio} reassigned.` });
      await queryClient.invalidateQueries();
      onClose();
    },
  });
  const load = (id: string) => dashboard.data?.reviewers.find((r) => r.id === id);
  const from = reviewers.data?.find((r) => r.id === assignment.reviewer)?.name ?? assignment.reviewer;
  const options = (reviewers.data ?? [])
    .filter((r) => r.active && r.roles.includes('reviewer') && r.id !== assignment.reviewer)
    .map((r) => {
      const l = load(r.id);
      return { value: r.id, label: `${r.name} · ${r.school}${l ? ` · ${l.open}/${l.maxLoad} open` : ''}` };
    });
  return (
    <Modal opened onClose={onClose} title={`Reassign ${assignment.portfolio}`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (to) move.mutate();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">
            From <b>{from}</b>. Their draft, if any, stays in the history; the new reviewer starts afresh.
          </Text>
          <Select label="To" searchable required data={options} value={to} onChange={(v) => (setTo(v), move.reset())} data-autofocus />
          <ApiErrorAlert error={move.error} title="Not reassigned" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={!to} loading={move.isPending}>
              Reassign
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
