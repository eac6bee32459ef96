import { useMemo, useRef } from 'react';
import { useQueries, keepPreviousData } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Badge, Box, Skeleton, Text, UnstyledButton } from '@mantine/core';
import { format } from 'date-fns';
import type { PortfolioRow } from '../../../src-shared/contracts/queue';
import { STATUS_LABEL, type Status } from '../../../src-shared/domain/status';
import { OUTCOME_LABEL } from '../../../src-shared/domain/rubric';
import { api } from '../../api/transport';
import { toQuery, type QueueFilters, type QueueSort } from './useQueueFilters';
import classes from './QueueTable.module.css';

const PAGE = 100;
const ROW_HEIGHT = 44;

const COLUMNS: { key: QueueSort | null; label: string; width: string }[] = [
  { key: 'id', label: 'Portfolio', width: '130px' },
  { key: 'candidate', label: 'Candidate', width: 'minmax(160px, 1.3fr)' },
  { key: 'credential', label: 'Credential', width: 'minmax(180px, 1.5fr)' },
  { key: null, label: 'District', width: 'minmax(140px, 1fr)' },
  { key: null, label: 'Attempt', width: '80px' },
  { key: 'submitted_at', label: 'Submitted', width: '110px' },
  { key: 'status', label: 'Status', width: '190px' },
];
const TEMPLATE = COLUMNS.map((c) => c.width).join(' ');

export const STATUS_COLOR: Record<Status, string> = {
  submitted: 'blue',
  in_review: 'yellow',
  scored: 'orange',
  ready: 'cyan',
  decided: 'teal',
  exported: 'gray',
  returned: 'grape',
  withdrawn: 'dark',
};

interface Props {
  filters: QueueFilters;
  total: number;
  onSort(sort: QueueSort): void;
  onOpen(id: string): void;
}

/** Only the rows in view exist in the DOM and only their pages are fetched, so 100,000 rows scroll like 100. */
export function QueueTable({ filters, total, onSort, onOpen }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const pageIndexes = useMemo(() => {
    const set = new Set<number>();
    for (const item of items) set.add(Math.floor(item.index / PAGE));
    return [...set];
  }, [items]);
  const query = toQuery(filters);
  const pages = useQueries({
    queries: pageIndexes.map((p) => ({
      queryKey: ['queue.list', query, p],
      queryFn: () => api.call('queue.list', { ...query, offset: p * PAGE, limit: PAGE }),
      placeholderData: keepPreviousData,
    })),
  });
  const rowAt = (index: number): PortfolioRow | undefined => {
    const i = pageIndexes.indexOf(Math.floor(index / PAGE));
    return pages[i]?.data?.rows[index % PAGE];
  };

  return (
    <Box className={classes.table} role="table" aria-label="Portfolio queue" aria-rowcount={total + 1}>
      <div className={classes.header} role="row" style={{ gridTemplateColumns: TEMPLATE }}>
        {COLUMNS.map((c) => (
          <div
            key={c.label}
            role="columnheader"
            aria-sort={c.key && filters.sort === c.key ? (filters.dir === 'asc' ? 'ascending' : 'descending') : undefined}
          >
            {c.key ? (
              <UnstyledButton className={classes.sort} onClick={() => onSort(c.key!)}>
                {c.label}
                {filters.sort === c.key ? (filters.dir === 'asc' ? ' ▲' : ' ▼') : ''}
              </UnstyledButton>
            ) : (
              c.label
            )}
          </div>
        ))}
      </div>
      <div ref={scrollRef} className={classes.scroll} data-testid="queue-scroll">
        {total === 0 ? (
          <Text c="dimmed" p="md">
            No portfolios match these filters.
          </Text>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} role="rowgroup">
            {items.map((item) => {
              const row = rowAt(item.index);
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  tabIndex={row ? 0 : -1}
                  className={classes.row}
                  data-testid={row ? `queue-row-${row.id}` : undefined}
                  style={{ gridTemplateColumns: TEMPLATE, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                  onClick={() => row && onOpen(row.id)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && row) onOpen(row.id);
                    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                      e.preventDefault();
                      const sibling = e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling;
                      (sibling as HTMLElement | null)?.focus();
                    }
                  }}
                >
                  {row ? <RowCells row={row} /> : <Skeleton height={14} my="auto" style={{ gridColumn: '1 / -1' }} />}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </Box>
  );
}

function RowCells({ row }: { row: PortfolioRow }) {
  return (
    <>
      <div role="cell" className={classes.mono}>
        {row.id}
      </div>
      <div role="cell">
        <Text size="sm" fw={500} truncate>
          {row.candidate.name}
        </Text>
      </div>
      <div role="cell">
        <Text size="sm" truncate>
          {row.credential.title}
        </Text>
      </div>
      <div role="cell">
        <Text size="sm" truncate c="dimmed">
          {row.candidate.district}
        </Text>
      </div>
      <div role="cell">{row.attempt}</div>
      <div role="cell">{format(new Date(row.submittedAt), 'd MMM yyyy')}</div>
      <div role="cell">
        <Badge color={STATUS_COLOR[row.status]} variant="light">
          {STATUS_LABEL[row.status]}
          {row.outcome ? ` · ${OUTCOME_LABEL[row.outcome]}` : ''}
        </Badge>
      </div>
    </>
  );
}
