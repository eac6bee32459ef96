import { Alert, Anchor as Link, Badge, Group, Stack, Table, Text } from '@mantine/core';
import type { ReferenceLevel, ReviewView } from '../../../../src-shared/contracts/review';
import { levelLabel, type Rubric } from '../../../../src-shared/domain/rubric';
import { useApiQuery } from '../../../api/queries';

function DifferenceBadge({ diff }: { diff: number }) {
  if (diff === 0)
    return (
      <Badge color="teal" variant="light" size="sm">
        same
      </Badge>
    );
  const far = Math.abs(diff) > 1;
  return (
    <Badge color={far ? 'red' : 'orange'} variant={far ? 'filled' : 'light'} size="sm">
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
        <Table withTableBorder withColumnBorders verticalSpacing={4} fz="xs" aria-label="Your levels beside the reference">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Criterion</Table.Th>
              <Table.Th scope="col">You</Table.Th>
              <Table.Th scope="col">Reference</Table.Th>
              <Table.Th scope="col">Difference</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ c, ref, mine, diff }) => (
              <Table.Tr key={c.id} data-testid={`comparison-${c.id}`}>
                <Table.Th scope="row" fw={600}>
                  {c.title}
                  <Text size="xs" c="dimmed" fw={400} mt={2}>
                    {ref.rationale}
                  </Text>
                </Table.Th>
                <Table.Td>
                  {levelLabel(c, mine)} ({mine})
                </Table.Td>
                <Table.Td>
                  {levelLabel(c, ref.score)} ({ref.score})
                </Table.Td>
                <Table.Td>
                  <DifferenceBadge diff={diff} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
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
