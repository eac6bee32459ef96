import { Table, Text, Tooltip } from '@mantine/core';
import type { CriterionStats } from '../../../../src-shared/contracts/calibration';
import { TOO_FEW_UNITS, TOO_FEW_UNITS_FOR_INTERVAL } from '../../../../src-shared/stats';
import { num2, pct } from '../shared/format';
import { ScrollTable } from '../shared/ScrollTable';

function meanPairKappa(c: CriterionStats): number | null {
  const ks = c.pairs.map((p) => p.kappa_quadratic).filter((k): k is number => k !== null);
  return ks.length ? ks.reduce((s, k) => s + k, 0) / ks.length : null;
}

const nowrap = { whiteSpace: 'nowrap' } as const;

/** Every statistic per criterion of one rubric, and the outcome as one more row. */
export function CriterionTable({ criteria, outcome, label }: { criteria: CriterionStats[]; outcome: CriterionStats | null; label: string }) {
  const rows = [...criteria, ...(outcome ? [outcome] : [])];
  return (
    <ScrollTable minWidth={820} label={label}>
      <Table striped withTableBorder verticalSpacing={6} fz="sm" aria-label={label} data-testid="criterion-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Criterion</Table.Th>
            <Table.Th scope="col" ta="right">
              Units
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Exact
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Adjacent
            </Table.Th>
            <Table.Th scope="col" ta="right">
              α ordinal [95 % CI]
            </Table.Th>
            <Table.Th scope="col" ta="right">
              α nominal
            </Table.Th>
            <Table.Th scope="col" ta="right">
              α interval
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Fleiss’ κ
            </Table.Th>
            <Table.Th scope="col" ta="right">
              <Tooltip label="Mean quadratic-weighted Cohen’s kappa over reviewer pairs with two or more units in common">
                <span tabIndex={0}>Pairs (mean κw)</span>
              </Tooltip>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((c) => (
            <Table.Tr key={c.criterion} data-criterion={c.criterion}>
              <Table.Th scope="row" fw={c === outcome ? 700 : 500}>
                {c.title}
              </Table.Th>
              <Table.Td ta="right">{c.units}</Table.Td>
              <Table.Td ta="right" style={nowrap}>
                {pct(c.exact)}
              </Table.Td>
              <Table.Td ta="right" style={nowrap}>
                {pct(c.adjacent)}
              </Table.Td>
              {c.withheld === 'coefficients' ? (
                // One cell across the four coefficients: none is shown from so few units.
                <Table.Td colSpan={4} ta="center" c="dimmed" data-testid={`alpha-${c.criterion}`}>
                  {TOO_FEW_UNITS}
                </Table.Td>
              ) : (
                <>
                  <Table.Td ta="right" data-testid={`alpha-${c.criterion}`}>
                    <span style={nowrap}>{num2(c.alpha_ordinal)}</span>
                    {c.alpha_ordinal_ci && (
                      <Text span size="xs" c="dimmed" style={nowrap}>
                        {' '}
                        [{num2(c.alpha_ordinal_ci[0])}, {num2(c.alpha_ordinal_ci[1])}]
                      </Text>
                    )}
                    {c.withheld === 'interval' && (
                      <Text size="xs" c="dimmed">
                        {TOO_FEW_UNITS_FOR_INTERVAL}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{num2(c.alpha_nominal)}</Table.Td>
                  <Table.Td ta="right">{num2(c.alpha_interval)}</Table.Td>
                  <Table.Td ta="right">{num2(c.fleiss_kappa)}</Table.Td>
                </>
              )}
              <Table.Td ta="right" style={nowrap}>
                {c.pairs.length}
                {c.withheld === 'coefficients' ? '' : ` (${num2(meanPairKappa(c))})`}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
