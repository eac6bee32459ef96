import { useState } from 'react';
import { Card, Grid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useNavigate } from 'react-router';
import { useApiQuery } from '../../../api/queries';
import { plural } from '../shared/format';
import { ErrorAlert, Link, Loading, PageHeader, RequireCreditRole } from '../shared/ui';
import { DuplicatesCard } from './DuplicatesCard';
import { ExternalImportCard } from './ExternalImportCard';

export function CandidatesPage() {
  return (
    <RequireCreditRole>
      <Candidates />
    </RequireCreditRole>
  );
}

function Candidates() {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const list = useApiQuery('credit.candidates', { search: debounced || undefined });
  const navigate = useNavigate();
  const rows = list.data ?? [];
  return (
    <Stack gap="md" pb="xl">
      <PageHeader
        title="Candidates"
        description="Everyone with an attempt in this programme or a credential earned elsewhere. A candidate's record shows every attempt and decision, with the reviews and moderation behind it."
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="sm">
            <TextInput label="Search" placeholder="Name, email, id or school" value={search} onChange={(e) => setSearch(e.currentTarget.value)} maw={420} />
            {list.error && <ErrorAlert error={list.error} title="The candidates could not be loaded" />}
            {list.isLoading && <Loading label="Loading candidates" />}
            {list.data && (
              <Card withBorder p={0}>
                {rows.length === 0 ? (
                  <Text p="md" c="dimmed">
                    No candidate matches.
                  </Text>
                ) : (
                  <Table.ScrollContainer minWidth={720}>
                    <Table highlightOnHover verticalSpacing="xs" aria-label="Candidates" data-testid="candidates-table">
                      <Table.Caption>{plural(rows.length, 'candidate')}</Table.Caption>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>Name</Table.Th>
                          <Table.Th>School</Table.Th>
                          <Table.Th ta="right">Attempts</Table.Th>
                          <Table.Th ta="right">Passes</Table.Th>
                          <Table.Th ta="right">Earned elsewhere</Table.Th>
                          <Table.Th ta="right">Applications</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {rows.map((c) => (
                          <Table.Tr key={c.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/credit/candidates/${encodeURIComponent(c.id)}`)}>
                            <Table.Td>
                              <Link to={`/credit/candidates/${encodeURIComponent(c.id)}`} fw={600} size="sm">
                                {c.name}
                              </Link>
                              <Text size="xs" c="dimmed">
                                {c.id} · {c.email}
                              </Text>
                            </Table.Td>
                            <Table.Td>
                              <Text size="sm">{c.school || '—'}</Text>
                              <Text size="xs" c="dimmed">
                                {c.district}
                              </Text>
                            </Table.Td>
                            <Table.Td ta="right">{c.attempts}</Table.Td>
                            <Table.Td ta="right">{c.passes}</Table.Td>
                            <Table.Td ta="right">{c.external}</Table.Td>
                            <Table.Td ta="right">{c.applications}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                )}
              </Card>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <ExternalImportCard />
            <DuplicatesCard />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
