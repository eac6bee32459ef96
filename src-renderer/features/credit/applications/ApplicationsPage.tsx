import { useState } from 'react';
import { Button, Card, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import type { ApplicationStatus } from '../../../../src-shared/contracts/credit';
import { useApiQuery } from '../../../api/queries';
import { calendarDay, plural } from '../shared/format';
import { CheckMark, ErrorAlert, Link, Loading, PageHeader, RequireCreditRole, StatusBadge } from '../shared/ui';
import { NewApplicationModal } from './NewApplicationModal';

const SCOPES: Record<string, ApplicationStatus[] | undefined> = { open: ['pending', 'awaiting_second'], decided: ['approved', 'declined'], all: undefined };

export function ApplicationsPage() {
  return (
    <RequireCreditRole>
      <Applications />
    </RequireCreditRole>
  );
}

function Applications() {
  const [scope, setScope] = useState<keyof typeof SCOPES>('open');
  const [creating, setCreating] = useState(false);
  const list = useApiQuery('credit.applications', { status: SCOPES[scope] });
  const navigate = useNavigate();
  const rows = list.data ?? [];
  return (
    <Stack gap="md">
      <PageHeader
        title="Credit applications"
        description="A candidate, a pathway and a date: each application checks every requirement on that date. Approvers decide; where the pathway asks for it, a second approver confirms."
        actions={
          <>
            <SegmentedControl
              aria-label="Show"
              value={scope}
              onChange={(v) => setScope(v as keyof typeof SCOPES)}
              data={[
                { value: 'open', label: 'Open' },
                { value: 'decided', label: 'Decided' },
                { value: 'all', label: 'All' },
              ]}
            />
            <Button onClick={() => setCreating(true)}>New application</Button>
          </>
        }
      />
      {list.error && <ErrorAlert error={list.error} title="The applications could not be loaded" />}
      {list.isLoading && <Loading label="Loading applications" />}
      {list.data && (
        <Card withBorder p={0}>
          {rows.length === 0 ? (
            <Text p="md" c="dimmed">
              {scope === 'open' ? 'No open applications.' : 'No applications yet.'}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={860}>
              <Table highlightOnHover verticalSpacing="sm" aria-label="Credit applications" data-testid="applications-table">
                <Table.Caption>{plural(rows.length, 'application')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Application</Table.Th>
                    <Table.Th>Candidate</Table.Th>
                    <Table.Th>Award</Table.Th>
                    <Table.Th>Date</Table.Th>
                    <Table.Th>Requirements</Table.Th>
                    <Table.Th>Status</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((a) => (
                    <Table.Tr key={a.id} data-testid={`application-row-${a.id}`} style={{ cursor: 'pointer' }} onClick={() => navigate(`/credit/applications/${a.id}`)}>
                      <Table.Td>
                        <Link to={`/credit/applications/${a.id}`} ff="monospace" fw={600} size="sm">
                          {a.id}
                        </Link>
                      </Table.Td>
                      <Table.Td>{a.candidate.name}</Table.Td>
                      <Table.Td>
                        {a.pathway.label}
                        <Text size="xs" c="dimmed">
                          {a.pathway.id} v{a.pathway.version}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{calendarDay(a.date)}</Table.Td>
                      <Table.Td>
                        <CheckMark ok={a.met} />
                      </Table.Td>
                      <Table.Td>
                        <StatusBadge status={a.status} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
      )}
      <NewApplicationModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
