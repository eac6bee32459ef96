import { Badge, Table, Text } from '@mantine/core';
import type { Report } from '../../../../src-shared/contracts/calibration';
import { num2, pct, signed } from '../shared/format';
import { ScrollTable } from '../shared/ScrollTable';

const lean = (d: number | null) => (d === null ? null : d >= 0.5 ? 'lenient' : d <= -0.5 ? 'severe' : null);

/** Each reviewer against the reference (or the decision in force): agreement, direction, kappa, worst miss. */
export function ReviewerTable({ report }: { report: Report }) {
  const round = report.kind === 'round';
  return (
    <ScrollTable minWidth={760} label={report.against === "reference" ? "Reviewers against the reference" : "Reviewers against the decision in force"}>
      <Table striped withTableBorder verticalSpacing={6} fz="sm" aria-label={report.against === "reference" ? "Reviewers against the reference" : "Reviewers against the decision in force"} data-testid="reviewer-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Reviewer</Table.Th>
            <Table.Th scope="col" ta="right">
              Scores
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Exact
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Adjacent
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Mean difference
            </Table.Th>
            <Table.Th scope="col" ta="right">
              κw (quadratic)
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Most off
            </Table.Th>
            {round && <Table.Th scope="col">Qualification thresholds</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.perReviewer.map((r) => {
            const tag = lean(r.mean_signed_difference);
            return (
              <Table.Tr key={r.reviewerId}>
                <Table.Th scope="row" fw={500}>
                  {r.name}
                </Table.Th>
                <Table.Td ta="right">{r.units}</Table.Td>
                <Table.Td ta="right">{pct(r.exact)}</Table.Td>
                <Table.Td ta="right">{pct(r.adjacent)}</Table.Td>
                <Table.Td ta="right">
                  {signed(r.mean_signed_difference)}{' '}
                  {tag && (
                    <Badge size="xs" variant="light" color={tag === 'lenient' ? 'orange' : 'blue'}>
                      {tag}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td ta="right">{num2(r.kappa_quadratic)}</Table.Td>
                <Table.Td ta="right">{r.max_off === null ? '–' : `${r.max_off} level${r.max_off === 1 ? '' : 's'}`}</Table.Td>
                {round && (
                  <Table.Td>
                    {r.meets && (
                      <Text size="xs">
                        <Badge size="xs" color={r.meets.ok ? 'teal' : 'red'} variant="light" mr={6}>
                          {r.meets.ok ? 'meets' : 'below'}
                        </Badge>
                        {r.meets.reason.replace(/^"[^"]*": /, '')}
                      </Text>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
