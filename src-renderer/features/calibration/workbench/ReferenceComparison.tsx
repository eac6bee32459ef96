import { Alert, Anchor as Link, Badge, Box, Group, Stack, Text } from '@mantine/core';
import type { ReferenceLevel, ReviewView } from '../../../../src-shared/contracts/review';
import { levelLabel, type Rubric } from '../../../../src-shared/domain/rubric';
import { useApiQuery } from '../../../api/queries';

function DifferenceBadge({ diff }: { diff: number }) {
  if (diff === 0)
    return (
      <Badge color="teal" variant="light" size="sm" style={{ flexShrink: 0 }}>
        same
      </Badge>
    );
  const far = Math.abs(diff) > 1;
  return (
    <Badge color={far ? 'red' : 'orange'} variant={far ? 'filled' : 'light'} size="sm" style={{ flexShrink: 0 }}>
      {diff > 0 ? `${diff} above` : `${-diff} below`}
    </Badge>
  );
}

/** The next anchor this reviewer still has to score in an open round, if any. */
function useNextAnchor(current: string): string | null {
  const mine = useApiQuery('calibration.mine', {});
  for (const r of mine.data?.rounds ?? [])
    if (r.status === 'open') for (const a of r.anchors) if (a.status !== 'submitted' && a.portfolioId !== current) return a.portfolioId;
  return null;
}

/**
 * After a calibration review is submitted: the reviewer's levels beside the reference, criterion by criterion, with
 * the reference's rationale. Shown only then, because the API only sends the reference then.
 */
export function ReferenceComparison({ rubric, review, reference }: { rubric: Rubric; review: ReviewView; reference: ReferenceLevel[] }) {
  const next = useNextAnchor(review.portfolioId);
  const rows = rubric.criteria.flatMap((c) => {
    const ref = reference.find((r) => r.criterionId === c.id);
    const mine = review.levels[c.id];
    return ref && mine !== null && mine !== undefined ? [{ c, ref, mine, diff: mine - ref.score }] : [];
  });
  const same = rows.filter((r) => r.diff === 0).length;
  const far = rows.filter((r) => Math.abs(r.diff) > 1).length;
  return (
    <Alert color={far ? 'orange' : 'indigo'} variant="light" title="Calibration: your levels and the reference" data-testid="reference-comparison" p="sm">
      <Stack gap="xs">
        <Text size="sm">
          You matched the reference on {same} of {rows.length} criteria{far ? `; ${far} ${far === 1 ? 'was' : 'were'} more than one level away` : ''}.
        </Text>
        <Stack gap={0} role="list" aria-label="Your levels beside the reference">
          {rows.map(({ c, ref, mine, diff }) => (
            <Box key={c.id} role="listitem" py={6} style={{ borderTop: '1px solid var(--mantine-color-indigo-2)' }} data-testid={`comparison-${c.id}`}>
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <Text size="sm" fw={600}>
                  {c.title}
                </Text>
                <DifferenceBadge diff={diff} />
              </Group>
              <Text size="xs">
                You: <b>{levelLabel(c, mine)}</b> ({mine}) · Reference: <b>{levelLabel(c, ref.score)}</b> ({ref.score})
              </Text>
              <Text size="xs" c="dimmed" mt={2}>
                {ref.rationale}
              </Text>
            </Box>
          ))}
        </Stack>
        <Group gap="md">
          {next ? (
            <Link href={`#/review/${encodeURIComponent(next)}`} size="sm" fw={600}>
              Next anchor: {next} →
            </Link>
          ) : (
            <Text size="sm">Nothing left to score in your open rounds.</Text>
          )}
          <Link href="#/calibration/mine" size="sm">
            My calibration
          </Link>
        </Group>
      </Stack>
    </Alert>
  );
}
