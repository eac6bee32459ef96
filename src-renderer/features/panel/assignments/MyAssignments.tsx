import { Anchor, Badge, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../../api/transport';
import { useApiQuery } from '../../../api/queries';
import { useMe } from '../../profile/ProfileProvider';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { day } from '../shared/format';
import { ScrollRegion } from '../../../app/ScrollRegion';

/** A reviewer's own open assignments, above the whole queue, and "Claim next" for the oldest portfolio they may take. */
export function MyAssignments() {
  const me = useMe();
  return me.roles.includes('reviewer') ? <Mine /> : null;
}

function Mine() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mine = useApiQuery('assignments.mine', {});
  const open = (id: string) => navigate(`/review/${encodeURIComponent(id)}`);
  const claim = useMutation({
    mutationFn: () => api.call('assignments.claimNext', {}),
    onSuccess: async ({ id }) => {
      await queryClient.invalidateQueries();
      if (id) open(id);
      else notifications.show({ message: 'Nothing left that you may claim: every portfolio has its reviewers, or the rest conflict with you.' });
    },
  });
  const rows = mine.data ?? [];
  return (
    <Card withBorder p={0} component="section" aria-labelledby="my-assignments-title" data-testid="my-assignments" style={{ flexShrink: 0 }}>
      <Group justify="space-between" px="sm" py={6}>
        <Group gap="xs">
          <Title order={3} size="h5" id="my-assignments-title">
            My assignments
          </Title>
          <Badge variant="light" aria-label={`${rows.length} open`}>
            {rows.length}
          </Badge>
        </Group>
        <Button size="compact-sm" onClick={() => claim.mutate()} loading={claim.isPending}>
          Claim next
        </Button>
      </Group>
      <ApiErrorAlert error={mine.error ?? claim.error} />
      {mine.data && rows.length === 0 ? (
        <Text size="sm" c="dimmed" px="sm" pb="sm">
          Nothing assigned to you. <b>Claim next</b> takes the oldest portfolio you may review.
        </Text>
      ) : (
        <ScrollRegion mah={168} label="My assignments">
          <Table verticalSpacing={4} highlightOnHover fz="sm" aria-labelledby="my-assignments-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Portfolio</Table.Th>
                <Table.Th>Candidate</Table.Th>
                <Table.Th>Credential</Table.Th>
                <Table.Th>Attempt</Table.Th>
                <Table.Th>Assigned</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ assignment: a, row }) => (
                <Table.Tr key={a.portfolio} style={{ cursor: 'pointer' }} onClick={() => open(a.portfolio)} data-testid={`mine-${a.portfolio}`}>
                  <Table.Td>
                    <Anchor
                      href={`#/review/${encodeURIComponent(a.portfolio)}`}
                      ff="monospace"
                      size="sm"
                      fw={600}
                      onClick={(e) => {
                        e.preventDefault();
                        e.stopPropagation();
                        open(a.portfolio);
                      }}
                    >
                      {a.portfolio}
                    </Anchor>
                    {a.reason === 'third' && (
                      <Badge ml={6} size="xs" color="violet" variant="light">
                        third review
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{row.candidate.name}</Table.Td>
                  <Table.Td>{row.credential.title}</Table.Td>
                  <Table.Td>{row.attempt > 1 ? <Badge size="sm" variant="light">resubmission · {row.attempt}</Badge> : row.attempt}</Table.Td>
                  <Table.Td>{day(a.assignedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
    </Card>
  );
}
