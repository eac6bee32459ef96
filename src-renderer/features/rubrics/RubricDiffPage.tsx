import { Alert, Anchor as Link, Badge, Breadcrumbs, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router';
import type { RubricDiff, RubricFamily } from '../../../src-shared/contracts/calibration';
import { useApiQuery } from '../../api/queries';
import { ApiErrorAlert } from '../panel/shared/ApiErrorAlert';
import { RequireRole } from '../panel/shared/RequireRole';
import { RubricPreview } from './editor/RubricPreview';

const CHANGE_COLOR = { added: 'teal', removed: 'red', changed: 'orange', unchanged: 'gray' } as const;

function Changes({ fields, from, to }: { fields: { field: string; from: string; to: string }[]; from: number; to: number }) {
  if (!fields.length) return null;
  return (
    <Table withTableBorder withColumnBorders verticalSpacing={4} fz="sm" mt={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w={140}>
            Field
          </Table.Th>
          <Table.Th scope="col">Version {from}</Table.Th>
          <Table.Th scope="col">Version {to}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {fields.map((f) => (
          <Table.Tr key={f.field}>
            <Table.Th scope="row" fw={500}>
              {f.field}
            </Table.Th>
            <Table.Td bg="red.0">{f.from}</Table.Td>
            <Table.Td bg="teal.0">{f.to}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function DiffView({ diff }: { diff: RubricDiff }) {
  const changed = diff.criteria.filter((c) => c.change !== 'unchanged');
  return (
    <Stack gap="md">
      {!diff.title && diff.rule.length === 0 && changed.length === 0 && <Alert color="gray">The two versions are identical.</Alert>}
      {(diff.title || diff.rule.length > 0) && (
        <Card withBorder component="section" aria-labelledby="diff-rule">
          <Title order={3} size="h6" id="diff-rule">
            Title and decision rule
          </Title>
          <Changes fields={[...(diff.title ? [diff.title] : []), ...diff.rule]} from={diff.from} to={diff.to} />
        </Card>
      )}
      {diff.criteria.map((c) => (
        <Card key={c.id} withBorder component="section" aria-label={`${c.title}: ${c.change}`} data-testid={`diff-${c.id}`} bg={c.change === 'unchanged' ? 'gray.0' : undefined}>
          <Group gap="xs">
            <Text fw={700}>{c.title}</Text>
            <Text size="xs" c="dimmed">
              {c.id}
            </Text>
            <Badge color={CHANGE_COLOR[c.change]} variant="light">
              {c.change}
            </Badge>
          </Group>
          <Changes fields={c.fields} from={diff.from} to={diff.to} />
          {c.change !== 'unchanged' && c.levels.some((l) => l.change !== 'unchanged') && (
            <Table withTableBorder withColumnBorders verticalSpacing={4} fz="sm" mt={6} aria-label={`Level changes of ${c.title}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={110}>
                    Level
                  </Table.Th>
                  <Table.Th scope="col" w={110}>
                    Field
                  </Table.Th>
                  <Table.Th scope="col">Version {diff.from}</Table.Th>
                  <Table.Th scope="col">Version {diff.to}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.levels
                  .filter((l) => l.change !== 'unchanged')
                  .flatMap((l) =>
                    (l.fields.length ? l.fields : [{ field: '—', from: l.change === 'added' ? '—' : '', to: l.change === 'removed' ? '—' : '' }]).map((f, k) => (
                      <Table.Tr key={`${l.score}-${f.field}`}>
                        {k === 0 && (
                          <Table.Td rowSpan={Math.max(1, l.fields.length)}>
                            {l.score}{' '}
                            <Badge size="xs" color={CHANGE_COLOR[l.change]} variant="light">
                              {l.change}
                            </Badge>
                          </Table.Td>
                        )}
                        <Table.Td>{f.field}</Table.Td>
                        <Table.Td bg={f.from !== '—' ? 'red.0' : undefined}>{f.from}</Table.Td>
                        <Table.Td bg={f.to !== '—' ? 'teal.0' : undefined}>{f.to}</Table.Td>
                      </Table.Tr>
                    )),
                  )}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      ))}
    </Stack>
  );
}

/** One version on its own, when there is no second one to set beside it: what it is, and why nothing is compared. */
function SingleVersion({ family, version }: { family: RubricFamily; version: number }) {
  const rubric = useApiQuery('rubrics.get', { id: family.id, version });
  const [newer, older] = [...family.versions].reverse();
  return (
    <Stack gap="md">
      <Alert color="gray" title="Nothing to compare" data-testid="compare-nothing">
        {family.versions.length < 2 ? (
          <>This rubric has only one version, so there is nothing to compare it with. It is shown below as reviewers see it.</>
        ) : (
          <>
            Choose two different versions to compare.{' '}
            <Link href={`#/rubrics/${encodeURIComponent(family.id)}/compare?from=${older!.version}&to=${newer!.version}`}>
              Compare version {older!.version} with version {newer!.version}
            </Link>
            .
          </>
        )}
      </Alert>
      <ApiErrorAlert error={rubric.error} />
      {rubric.isLoading && <Loader aria-label="Loading the rubric" />}
      {rubric.data && <RubricPreview rubric={rubric.data.rubric} stale={false} />}
    </Stack>
  );
}

function Diff() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const families = useApiQuery('rubrics.list', {});
  const family = families.data?.find((f) => f.id === id);
  const versions = family?.versions.map((v) => v.version) ?? [];
  const known = (v: number) => versions.includes(v);
  const from = Number(params.get('from'));
  const to = Number(params.get('to'));
  const comparable = known(from) && known(to) && from !== to;
  // Without two versions to compare, show the one named (else the latest) on its own.
  const single = known(to) ? to : known(from) ? from : versions.at(-1);
  const diff = useApiQuery('rubrics.diff', { id, from, to }, { enabled: comparable });
  const title = comparable ? `${id}: version ${from} → version ${to}` : single !== undefined ? `${family!.title}: version ${single}` : id;
  return (
    <Stack gap="md" pb="xl" maw={1100}>
      <Breadcrumbs>
        <Link href="#/rubrics">Rubrics</Link>
        <Text size="sm">{comparable ? `${id}: v${from} and v${to}` : id}</Text>
      </Breadcrumbs>
      <Title order={2}>{title}</Title>
      <ApiErrorAlert error={families.error ?? diff.error} />
      {(families.isLoading || diff.isLoading) && <Loader aria-label="Comparing" />}
      {families.data && !family && <Alert color="red">There is no rubric {id}.</Alert>}
      {family && !comparable && single !== undefined && <SingleVersion family={family} version={single} />}
      {comparable && diff.data && <DiffView diff={diff.data} />}
    </Stack>
  );
}

export function RubricDiffPage() {
  return (
    <RequireRole roles={['lead', 'admin']}>
      <Diff />
    </RequireRole>
  );
}
