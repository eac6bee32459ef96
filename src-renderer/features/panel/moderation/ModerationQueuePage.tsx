import { useState } from 'react';
import { Anchor, Badge, Card, Center, Loader, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useApiQuery } from '../../../api/queries';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { PageHeader } from '../shared/PageHeader';
import { RequireRole } from '../shared/RequireRole';
import { day, daysSince, plural } from '../shared/format';
import { MODERATION_STATUS } from './labels';

export function ModerationQueuePage() {
  return (
    <RequireRole roles={['moderator', 'lead', 'admin']}>
      <ModerationQueue />
    </RequireRole>
  );
}

function ModerationQueue() {
  const [scope, setScope] = useState<'open' | 'all'>('open');
  const list = useApiQuery('moderation.list', { includeResolved: scope === 'all' });
  const navigate = useNavigate();
  const open = (id: string) => navigate(`/moderation/${encodeURIComponent(id)}`);
  const items = list.data ?? [];
  return (
    <Stack gap="md">
      <PageHeader
        title="Moderation"
        description="Portfolios whose independent reviews disagree, oldest first. Open one to compare the reviews side by side and decide."
        actions={
          <SegmentedControl
            aria-label="Show"
            value={scope}
            onChange={(v) => setScope(v as 'open' | 'all')}
            data={[
              { value: 'open', label: 'Waiting' },
              { value: 'all', label: 'Including resolved' },
            ]}
          />
        }
      />
      {list.error && <ApiErrorAlert error={list.error} title="The moderation queue could not be loaded" />}
      {list.isLoading && (
        <Center h={160}>
          <Loader aria-label="Loading the moderation queue" />
        </Center>
      )}
      {list.data && (
        <Card withBorder p={0}>
          {items.length === 0 ? (
            <Text p="md" c="dimmed">
              {scope === 'open' ? 'Nothing to moderate: every set of reviews so far agreed within the tolerance.' : 'No moderation cases yet.'}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table highlightOnHover verticalSpacing="sm" aria-label="Moderation queue" data-testid="moderation-table">
                <Table.Caption>{plural(items.length, 'case')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Portfolio</Table.Th>
                    <Table.Th>Candidate</Table.Th>
                    <Table.Th>Credential</Table.Th>
                    <Table.Th>Why it is here</Table.Th>
                    <Table.Th>Waiting</Table.Th>
                    <Table.Th>Status</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((m) => (
                    <Table.Tr key={m.portfolio} data-testid={`moderation-row-${m.portfolio}`} style={{ cursor: 'pointer' }} onClick={() => open(m.portfolio)}>
                      <Table.Td>
                        <Anchor
                          href={`#/moderation/${encodeURIComponent(m.portfolio)}`}
                          ff="monospace"
                          size="sm"
                          fw={600}
                          onClick={(e) => {
                            e.preventDefault();
                            e.stopPropagation();
                            open(m.portfolio);
                          }}
                        >
                          {m.portfolio}
                        </Anchor>
                        {m.row.attempt > 1 && (
                          <Text size="xs" c="dimmed">
                            attempt {m.row.attempt}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{m.row.candidate.name}</Text>
                        <Text size="xs" c="dimmed">
                          {m.row.candidate.district}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{m.row.credential.title}</Text>
                      </Table.Td>
                      <Table.Td maw={420}>
                        <Text size="sm">{m.reason}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{plural(daysSince(m.openedAt), 'day')}</Text>
                        <Text size="xs" c="dimmed">
                          since {day(m.openedAt)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={MODERATION_STATUS[m.status].color}>
                          {MODERATION_STATUS[m.status].label}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
      )}
    </Stack>
  );
}
