import { useState } from 'react';
import { Badge, Button, Card, Group, Switch, Table, Text, TextInput, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Reviewer } from '../../../../../src-shared/contracts/reviewers';
import { ROLE_LABEL } from '../../../../../src-shared/domain/roles';
import { api } from '../../../../api/transport';
import { useApiQuery } from '../../../../api/queries';
import { useMe } from '../../../profile/ProfileProvider';
import { ApiErrorAlert } from '../../shared/ApiErrorAlert';
import { ReviewerEditModal } from './ReviewerEditModal';

/** Every profile with its roles, school, district, load limit and whether it is active; edits are audited. */
export function ReviewersTable() {
  const me = useMe();
  const reviewers = useApiQuery('reviewers.list', {});
  const load = useApiQuery('panel.dashboard', {});
  const [editing, setEditing] = useState<Reviewer | null>(null);
  const [filter, setFilter] = useState('');
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: (r: Reviewer) => api.call('reviewers.update', { id: r.id, patch: { active: !r.active } }),
    onSuccess: (r) => {
      notifications.show({ message: `${r.name} is now ${r.active ? 'active' : 'inactive'}.` });
      return queryClient.invalidateQueries();
    },
  });
  const open = (id: string) => load.data?.reviewers.find((r) => r.id === id)?.open;
  const q = filter.trim().toLowerCase();
  const rows = (reviewers.data ?? []).filter((r) => !q || [r.name, r.email, r.school, r.district, r.id].some((x) => x.toLowerCase().includes(q)));
  return (
    <Card withBorder component="section" aria-labelledby="reviewers-title" p={0}>
      <Group justify="space-between" p="md" pb="xs">
        <div>
          <Title order={3} size="h5" id="reviewers-title">
            Reviewer profiles
          </Title>
          <Text size="sm" c="dimmed">
            {reviewers.data ? `${reviewers.data.filter((r) => r.active).length} active of ${reviewers.data.length}` : 'Loading…'}
          </Text>
        </div>
        <TextInput aria-label="Filter reviewers" placeholder="Filter by name, school, district…" value={filter} onChange={(e) => setFilter(e.currentTarget.value)} w={280} />
      </Group>
      <ApiErrorAlert error={reviewers.error ?? toggle.error} />
      <Table.ScrollContainer minWidth={960}>
        <Table highlightOnHover verticalSpacing="xs" data-testid="reviewers-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>School</Table.Th>
              <Table.Th>District</Table.Th>
              <Table.Th>Roles</Table.Th>
              <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                Open / max
              </Table.Th>
              <Table.Th>Active</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id} data-testid={`reviewer-${r.id}`} c={r.active ? undefined : 'dimmed'}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {r.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {r.email} · <span style={{ whiteSpace: 'nowrap' }}>{r.id}</span>
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.school || '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.district || '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {r.roles.map((role) => (
                      <Badge key={role} size="sm" variant="light" color={role === 'reviewer' ? 'gray' : 'teal'} tt="none">
                        {ROLE_LABEL[role]}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm" ff="monospace">
                    {r.roles.includes('reviewer') ? `${open(r.id) ?? 0} / ${r.maxLoad}` : '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Tooltip label="You cannot deactivate your own profile" disabled={r.id !== me.id}>
                    <Switch
                      checked={r.active}
                      disabled={r.id === me.id || toggle.isPending}
                      onChange={() => toggle.mutate(r)}
                      aria-label={`${r.name} active`}
                    />
                  </Tooltip>
                </Table.Td>
                <Table.Td ta="right">
                  <Button size="compact-sm" variant="default" onClick={() => setEditing(r)} aria-label={`Edit ${r.name}`}>
                    Edit
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing && <ReviewerEditModal reviewer={editing} isSelf={editing.id === me.id} onClose={() => setEditing(null)} />}
    </Card>
  );
}
