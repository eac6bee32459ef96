import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { QUEUE_SORTS } from '../../../src-shared/contracts/queue';
import { STATUSES, type Status } from '../../../src-shared/domain/status';

export type QueueSort = (typeof QUEUE_SORTS)[number];

export interface QueueFilters {
  status: Status[];
  credential: string | null;
  district: string | null;
  search: string;
  sort: QueueSort;
  dir: 'asc' | 'desc';
}

/** Filters live in the URL, so going back from a portfolio returns to the same slice of the queue. */
export function useQueueFilters(): [QueueFilters, (patch: Partial<QueueFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<QueueFilters>(
    () => ({
      status: params.getAll('status').filter((s): s is Status => (STATUSES as readonly string[]).includes(s)),
      credential: params.get('credential'),
      district: params.get('district'),
      search: params.get('q') ?? '',
      sort: (QUEUE_SORTS as readonly string[]).includes(params.get('sort') ?? '') ? (params.get('sort') as QueueSort) : 'submitted_at',
      dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
    }),
    [params],
  );
  const update = useCallback(
    (patch: Partial<QueueFilters>) => {
      const next = { ...filters, ...patch };
      const p = new URLSearchParams();
      next.status.forEach((s) => p.append('status', s));
      if (next.credential) p.set('credential', next.credential);
      if (next.district) p.set('district', next.district);
      if (next.search) p.set('q', next.search);
      if (next.sort !== 'submitted_at') p.set('sort', next.sort);
      if (next.dir !== 'asc') p.set('dir', next.dir);
      setParams(p, { replace: true });
    },
    [filters, setParams],
  );
  return [filters, update];
}

export function toQuery(f: QueueFilters) {
  return {
    status: f.status.length ? f.status : undefined,
    credential: f.credential ?? undefined,
    district: f.district ?? undefined,
    search: f.search || undefined,
    sort: f.sort,
    dir: f.dir,
  };
}
