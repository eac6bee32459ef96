import { useEffect, useState } from 'react';
import { Group, Select, Stack, TextInput, Title, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useNavigate } from 'react-router';
import { useApiQuery } from '../../api/queries';
import { StatusTabs } from './StatusTabs';
import { QueueTable } from './QueueTable';
import { toQuery, useQueueFilters } from './useQueueFilters';
import { MyAssignments } from '../panel/assignments/MyAssignments';

export function QueuePage() {
  const [filters, setFilters] = useQueueFilters();
  const navigate = useNavigate();
  const [search, setSearch] = useState(filters.search);
  const [debounced] = useDebouncedValue(search, 200);
  useEffect(() => {
    if (debounced !== filters.search) setFilters({ search: debounced });
  }, [debounced, filters.search, setFilters]);
  const facets = useApiQuery('queue.facets', {});
  const totals = useApiQuery('queue.list', { ...toQuery(filters), offset: 0, limit: 1 });

  return (
    <Stack h="calc(100dvh - 52px - 2 * var(--mantine-spacing-md))" gap="sm">
      <Group justify="space-between" align="baseline">
        <Title order={2}>Queue</Title>
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="queue-total">
          {totals.data ? `${totals.data.total.toLocaleString()} portfolios` : 'Loading…'}
        </Text>
      </Group>
      <MyAssignments />
      <StatusTabs value={filters.status} onChange={(status) => setFilters({ status })} />
      <Group gap="sm" align="end">
        <TextInput
          label="Search"
          placeholder="Candidate name, email or id; portfolio id"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={320}
        />
        <Select
          label="Credential"
          placeholder="All credentials"
          clearable
          data={(facets.data?.credentials ?? []).map((c) => ({ value: c.code, label: c.title }))}
          value={filters.credential}
          onChange={(credential) => setFilters({ credential })}
          w={300}
        />
        <Select
          label="District"
          placeholder="All districts"
          clearable
          data={facets.data?.districts ?? []}
          value={filters.district}
          onChange={(district) => setFilters({ district })}
          w={240}
        />
      </Group>
      {totals.error ? (
        <Text c="red">{totals.error.message}</Text>
      ) : (
        <QueueTable
          filters={filters}
          total={totals.data?.total ?? 0}
          onSort={(sort) => setFilters({ sort, dir: filters.sort === sort && filters.dir === 'asc' ? 'desc' : 'asc' })}
          onOpen={(id) => {
            // A search typed within the debounce would otherwise land after this navigation and replace the review
            // page with the queue; committing it first also makes Back return to what the reviewer typed.
            if (search !== filters.search) setFilters({ search });
            navigate(`/review/${encodeURIComponent(id)}`);
          }}
        />
      )}
    </Stack>
  );
}
