import { Badge, Tooltip } from '@mantine/core';
import type { AttemptHistory } from '../../../../src-shared/contracts/panels';

const LOOK = {
  new: { color: 'blue', label: 'new', tip: 'Not in the previous attempt' },
  changed: { color: 'orange', label: 'changed', tip: 'Same item as before, different content' },
  unchanged: { color: 'gray', label: 'unchanged', tip: 'Identical to the previous attempt (same sha256)' },
} as const;

/** How a resubmitted evidence item compares with the previous attempt. */
export function ChangeBadge({ history, evidenceId }: { history: AttemptHistory | null | undefined; evidenceId: string }) {
  const change = history?.changes.find((c) => c.evidenceId === evidenceId)?.change;
  if (!change) return null;
  const look = LOOK[change];
  return (
    <Tooltip label={look.tip} withinPortal>
      <Badge size="xs" variant={change === 'unchanged' ? 'outline' : 'light'} color={look.color} style={{ flexShrink: 0 }} data-testid={`change-${evidenceId}`}>
        {look.label}
      </Badge>
    </Tooltip>
  );
}
