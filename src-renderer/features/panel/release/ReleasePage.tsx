import { useState } from 'react';
import { Anchor, Badge, Button, Card, Center, Checkbox, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import type { ReleaseItem } from '../../../../src-shared/contracts/release';
import { OUTCOME_LABEL } from '../../../../src-shared/domain/rubric';
import { STATUS_LABEL } from '../../../../src-shared/domain/status';
import { useApiQuery } from '../../../api/queries';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { PageHeader } from '../shared/PageHeader';
import { RequireRole } from '../shared/RequireRole';
import { day, daysSince, plural } from '../shared/format';
import { ReleaseEditor } from './ReleaseEditor';
import { useRelease } from './useRelease';

export function ReleasePage() {
  return (
    <RequireRole roles={['lead', 'admin']}>
      <ReleaseList />
    </RequireRole>
  );
}

function ReleaseList() {
  const list = useApiQuery('release.list', {});
  const [selected, setSelected] = useState<string[]>([]);
  const [editing, setEditing] = useState<ReleaseItem | null>(null);
  const { release, busy, error, reload } = useRelease(() => setSelected([]));
  const items = list.data ?? [];
  const chosen = items.filter((i) => selected.includes(i.portfolio));
  const all = items.length > 0 && chosen.length === items.length;
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  return (
    <Stack gap="md">
      <PageHeader
        title={STATUS_LABEL.ready}
        description="Decisions reconciled from agreeing reviews. Nothing reaches the candidate until you release it: edit the merged feedback, then release one or many."
        actions={
          <Button
            onClick={() => release(chosen.map((i) => ({ portfolioId: i.portfolio, outcome: i.decision.outcome, feedback: i.decision.feedback, feedbackVersion: i.decision.feedbackVersion })))}
            disabled={chosen.length === 0}
            loading={busy}
            data-testid="release-selected"
          >
            {chosen.length ? `Release ${plural(chosen.length, 'decision')}` : 'Release selected'}
          </Button>
        }
      />
      <ApiErrorAlert error={list.error ?? error} title="Not released" onReload={reload} />
      {list.isLoading && (
        <Center h={160}>
          <Loader aria-label="Loading decisions ready to release" />
        </Center>
      )}
      {list.data && (
        <Card withBorder p={0}>
          {items.length === 0 ? (
            <Text p="md" c="dimmed">
              Nothing is waiting: every reconciled decision has been released.
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table highlightOnHover verticalSpacing="sm" aria-label="Decisions ready to release" data-testid="release-table">
                <Table.Caption>{plural(items.length, 'decision')} waiting</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={40}>
                      <Checkbox
                        aria-label="Select all"
                        checked={all}
                        indeterminate={chosen.length > 0 && !all}
                        onChange={() => setSelected(all ? [] : items.map((i) => i.portfolio))}
                      />
                    </Table.Th>
                    <Table.Th>Portfolio</Table.Th>
                    <Table.Th>Candidate</Table.Th>
                    <Table.Th>Credential</Table.Th>
                    <Table.Th>Outcome</Table.Th>
                    <Table.Th>Reconciled from</Table.Th>
                    <Table.Th>Waiting</Table.Th>
                    <Table.Th>Feedback</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((i) => (
                    <Table.Tr key={i.portfolio} data-testid={`release-row-${i.portfolio}`}>
                      <Table.Td>
                        <Checkbox aria-label={`Select ${i.portfolio}`} checked={selected.includes(i.portfolio)} onChange={() => toggle(i.portfolio)} />
                      </Table.Td>
                      <Table.Td>
                        <Anchor href={`#/portfolio/${encodeURIComponent(i.portfolio)}`} ff="monospace" size="sm" fw={600}>
                          {i.portfolio}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{i.row.candidate.name}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{i.row.credential.title}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={i.decision.outcome === 'pass' ? 'teal' : 'orange'}>
                          {OUTCOME_LABEL[i.decision.outcome]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{i.decision.sources.map((s) => s.reviewerName).join(' and ')}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{plural(daysSince(i.decision.decidedAt), 'day')}</Text>
                        <Text size="xs" c="dimmed">
                          since {day(i.decision.decidedAt)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Button size="compact-sm" variant="light" onClick={() => setEditing(i)} aria-label={`Edit feedback of ${i.portfolio}`}>
                          Edit feedback
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} size="xl" title={editing ? `Feedback for ${editing.portfolio}` : ''} closeButtonProps={{ 'aria-label': 'Close' }}>
        {editing && <ReleaseEditor key={editing.portfolio} item={items.find((i) => i.portfolio === editing.portfolio) ?? editing} onReleased={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}
