import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Pagination, SegmentedControl, Select, Table, Text, Title } from '@mantine/core';
import type { Output } from '../../../../../src-shared/contracts';
import { useApiQuery } from '../../../../api/queries';
import { ApiErrorAlert } from '../../shared/ApiErrorAlert';
import { day, plural } from '../../shared/format';
import { ReassignModal } from './ReassignModal';
import { ASSIGNMENT_STATUS_LABEL } from '../../../../../src-shared/domain/status';

type Assignment = Output<'assignments.list'>[number];
const PAGE = 25;

/** Who has what: open and submitted assignments, with reassignment of the open ones. */
export function AssignmentsTable() {
  const [reviewer, setReviewer] = useState<string | null>(null);
  const [status, setStatus] = useState<'assigned' | 'all'>('assigned');
  const [page, setPage] = useState(1);
  const [moving, setMoving] = useState<Assignment | null>(null);
  const list = useApiQuery('assignments.list', reviewer ? { reviewer } : {});
  const reviewers = useApiQuery('reviewers.list', {});
  const name = (id: string) => reviewers.data?.find((r) => r.id === id)?.name ?? id;
  const rows = (list.data ?? []).filter((a) => status === 'all' || a.status === 'assigned').reverse();
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const shown = rows.slice((Math.min(page, pages) - 1) * PAGE, Math.min(page, pages) * PAGE);
  return (
    <Card withBorder p={0} component="section" aria-labelledby="assignments-title">
      <Group justify="space-between" p="md" pb="xs" align="flex-end">
        <div>
          <Title order={3} size="h5" id="assignments-title">
            Assignments
          </Title>
          <Text size="sm" c="dimmed">
            {plural(rows.length, status === 'assigned' ? 'open assignment' : 'assignment')}, newest first
          </Text>
        </div>
        <Group gap="sm" align="flex-end">
          <Select
            label="Reviewer"
            placeholder="Everyone"
            clearable
            searchable
            w={240}
            data={(reviewers.data ?? []).filter((r) => r.roles.includes('reviewer')).map((r) => ({ value: r.id, label: r.name }))}
            value={reviewer}
            onChange={(v) => {
              setReviewer(v);
              setPage(1);
            }}
          />
          <SegmentedControl
            aria-label="Assignment status"
            value={status}
            onChange={(v) => {
              setStatus(v as 'assigned' | 'all');
              setPage(1);
            }}
            data={[
              { value: 'assigned', label: 'Open' },
              { value: 'all', label: 'Open and submitted' },
            ]}
          />
        </Group>
      </Group>
      <ApiErrorAlert error={list.error} />
      <Table.ScrollContainer minWidth={760}>
        <Table highlightOnHover verticalSpacing="xs" data-testid="assignments-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Portfolio</Table.Th>
              <Table.Th>Reviewer</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Assigned</Table.Th>
              <Table.Th>Action</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text size="sm" c="dimmed">
                    No assignments here.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {shown.map((a) => (
              <Table.Tr key={`${a.portfolio}/${a.reviewer}/${a.assignedAt}`} data-testid={`assignment-${a.portfolio}-${a.reviewer}`}>
                <Table.Td>
                  <Anchor href={`#/portfolio/${encodeURIComponent(a.portfolio)}`} ff="monospace" size="sm">
                    {a.portfolio}
                  </Anchor>
                  {a.reason === 'third' && (
                    <Badge ml={6} size="xs" color="violet" variant="light">
                      third review
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{name(a.reviewer)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={a.status === 'assigned' ? 'yellow' : 'teal'}>
                    {ASSIGNMENT_STATUS_LABEL[a.status]}
                  </Badge>
                </Table.Td>
                <Table.Td>{day(a.assignedAt)}</Table.Td>
                <Table.Td>
                  {a.status === 'assigned' && (
                    <Button size="compact-sm" variant="default" onClick={() => setMoving(a)} aria-label={`Reassign ${a.portfolio} from ${name(a.reviewer)}`}>
                      Reassign…
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && (
        <Group justify="center" p="sm">
          <Pagination total={pages} value={Math.min(page, pages)} onChange={setPage} size="sm" getControlProps={(c) => ({ 'aria-label': `${c} page` })} />
        </Group>
      )}
      {moving && <ReassignModal assignment={moving} onClose={() => setMoving(null)} />}
    </Card>
  );
}
