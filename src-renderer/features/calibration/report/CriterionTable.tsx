import { Table, Text, Tooltip } from '@mantine/core';
import type { CriterionStats } from '../../../../src-shared/contracts/calibration';
import { TOO_FEW_UNITS, TOO_FEW_UNITS_FOR_INTERVAL } from '../../../../src-shared/stats';
import { num2, pct } from '../shared/format';
import { ScrollTable } from '../shared/ScrollTable';

function meanPairKappa(c: CriterionStats): number | null {
  const ks = c.pairs.map((p) => p.kappa_quadratic).filter((k): k is number => k !== null);
  return ks.length ? ks.reduce((s, k) => s + k, 0) / ks.length : null;
}

/** A coefficient, or the words saying it is withheld for want of units. */
function Coefficient({ c, value }: { c: CriterionStats; value: number | null }) {
  if (c.withheld === 'coefficients')
    return (
      <Text span size="xs" c="dimmed">
        {TOO_FEW_UNITS}
      </Text>
    );
  return <>{num2(value)}</>;
}

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
              <Table.Td ta="right">{pct(c.exact)}</Table.Td>
              <Table.Td ta="right">{pct(c.adjacent)}</Table.Td>
              <Table.Td ta="right" data-testid={`alpha-${c.criterion}`}>
                <Coefficient c={c} value={c.alpha_ordinal} />
                {c.alpha_ordinal_ci && (
                  <Text span size="xs" c="dimmed">
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
              <Table.Td ta="right">
                <Coefficient c={c} value={c.alpha_nominal} />
              </Table.Td>
              <Table.Td ta="right">
                <Coefficient c={c} value={c.alpha_interval} />
              </Table.Td>
              <Table.Td ta="right">
                <Coefficient c={c} value={c.fleiss_kappa} />
              </Table.Td>
              <Table.Td ta="right">
                {c.pairs.length} (<Coefficient c={c} value={meanPairKappa(c)} />)
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
