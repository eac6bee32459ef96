import { Chip, Group } from '@mantine/core';
import { STATUSES, STATUS_LABEL, type Status } from '../../../src-shared/domain/status';
import { useApiQuery } from '../../api/queries';

export function StatusTabs({ value, onChange }: { value: Status[]; onChange(next: Status[]): void }) {
  const counts = useApiQuery('queue.counts', {});
  const n = (s: Status) => counts.data?.byStatus[s] ?? 0;
  return (
    <Chip.Group multiple value={value} onChange={(v) => onChange(v as Status[])}>
      <Group gap="xs" role="group" aria-label="Filter by status">
        {STATUSES.map((s) => (
          <Chip key={s} value={s} size="sm" variant="outline">
            {STATUS_LABEL[s]} <span aria-label={`${n(s)} portfolios`}>· {n(s)}</span>
          </Chip>
        ))}
      </Group>
    </Chip.Group>
  );
}
