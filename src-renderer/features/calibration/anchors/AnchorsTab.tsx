import { useState } from 'react';
import { Alert, Anchor as Link, Badge, Button, Group, Loader, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useApiQuery } from '../../../api/queries';
import { ApiErrorAlert } from '../../panel/shared/ApiErrorAlert';

/** Picks a portfolio nobody has reviewed or decided; the reference is then set on the anchor page. */
function MakeAnchorModal({ onClose }: { onClose(): void }) {
  const navigate = useNavigate();
  const candidates = useApiQuery('calibration.anchors.candidates', {});
  const [id, setId] = useState<string | null>(null);
  return (
    <Modal opened onClose={onClose} title="Make a portfolio an anchor">
      <Stack gap="sm">
        <Text size="sm">
          An anchor leaves the production queue for good and never affects its candidate. Only portfolios nobody has reviewed or decided can become anchors.
        </Text>
        <ApiErrorAlert error={candidates.error} />
        <Select
          label="Portfolio"
          searchable
          data-autofocus
          placeholder={candidates.isLoading ? 'Loading…' : 'Search by id, candidate or credential'}
          nothingFoundMessage="No portfolio can become an anchor"
          data={(candidates.data ?? []).map((p) => ({ value: p.id, label: `${p.id} · ${p.credential.code} · ${p.candidate.name}` }))}
          value={id}
          onChange={setId}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button disabled={!id} onClick={() => navigate(`/calibration/anchors/${encodeURIComponent(id!)}`)}>
            Set its reference levels…
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function AnchorsTab() {
  const anchors = useApiQuery('calibration.anchors.list', {});
  const [making, setMaking] = useState(false);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Exemplar portfolios with a reference level and a rationale per criterion. A reference is fixed once a reviewer has been compared with it.
        </Text>
        <Button onClick={() => setMaking(true)}>Make anchor…</Button>
      </Group>
      <ApiErrorAlert error={anchors.error} />
      {anchors.isLoading && <Loader aria-label="Loading anchors" />}
      {anchors.data?.length === 0 && <Alert color="gray">No anchors yet.</Alert>}
      {anchors.data && anchors.data.length > 0 && (
        <Table striped highlightOnHover withTableBorder verticalSpacing="sm" aria-label="Anchor portfolios" data-testid="anchors-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Anchor</Table.Th>
              <Table.Th scope="col">Rubric</Table.Th>
              <Table.Th scope="col">Reference</Table.Th>
              <Table.Th scope="col">Rounds</Table.Th>
              <Table.Th scope="col">Scored</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {anchors.data.map((a) => (
              <Table.Tr key={a.portfolioId}>
                <Table.Td>
                  <Link href={`#/calibration/anchors/${encodeURIComponent(a.portfolioId)}`} fw={600}>
                    {a.portfolioId}
                  </Link>
                  <Text size="xs" c="dimmed">
                    {a.row.candidate.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {a.rubric.title} v{a.rubric.version}
                </Table.Td>
                <Table.Td>
                  {a.referenced === a.criteria ? (
                    <Badge color="teal" variant="light">
                      complete
                    </Badge>
                  ) : (
                    <Badge color="orange" variant="light">
                      {a.referenced} of {a.criteria} criteria
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {a.rounds.length
                    ? a.rounds.map((r) => (
                        <Link key={r.id} href={`#/calibration/rounds/${r.id}`} size="sm" mr="xs">
                          {r.name}
                        </Link>
                      ))
                    : '–'}
                </Table.Td>
                <Table.Td>{a.submissions}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {making && <MakeAnchorModal onClose={() => setMaking(false)} />}
    </Stack>
  );
}
