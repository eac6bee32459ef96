import '@mantine/charts/styles.css';
import { useState } from 'react';
import { BarChart } from '@mantine/charts';
import { Button, Card, Grid, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { Insight } from '../../../../src-shared/contracts/credit';
import { api } from '../../../api/transport';
import { useApiQuery } from '../../../api/queries';
import { useDownload } from '../shared/download';
import { calendarDay, num, plural } from '../shared/format';
import { ErrorAlert, Link, Loading, PageHeader, RequireCreditRole } from '../shared/ui';

export function InsightPage() {
  return (
    <RequireCreditRole>
      <InsightView />
    </RequireCreditRole>
  );
}

function InsightView() {
  const [credential, setCredential] = useState<string | null>(null);
  const [school, setSchool] = useState<string | null>(null);
  const [district, setDistrict] = useState<string | null>(null);
  const filter = { credential: credential ?? undefined, school: school ?? undefined, district: district ?? undefined };
  const q = useApiQuery('credit.insight', filter);
  const csv = useDownload(() => api.call('credit.holdersCsv', filter));
  const data = q.data;
  return (
    <Stack gap="md" pb="xl">
      <PageHeader title="Programme insight" description="Per micro-credential: who tried, who passed, how many attempts and days it took, and what the pre- and post-tests say. Then who holds each credential, to connect people across schools." />
      {q.error && <ErrorAlert error={q.error} title="The insight could not be loaded" />}
      {!data && !q.error && <Loading label="Loading programme insight" />}
      {data && (
        <>
          <CredentialTable insight={data} />
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <PassesChart insight={data} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <TestsChart insight={data} />
            </Grid.Col>
          </Grid>
          <Card withBorder component="section" aria-labelledby="holders-title">
            <Stack gap="sm">
              <Group justify="space-between" align="flex-end">
                <Title order={3} size="h4" id="holders-title">
                  Holders
                </Title>
                <Button variant="light" onClick={() => csv.mutate(undefined)} loading={csv.isPending}>
                  Export CSV
                </Button>
              </Group>
              <Group grow>
                <Select label="Credential" clearable placeholder="All" data={data.credentials.map((c) => ({ value: c.code, label: c.title }))} value={credential} onChange={setCredential} />
                <Select label="District" clearable searchable placeholder="All" data={data.districts} value={district} onChange={setDistrict} />
                <Select label="School" clearable searchable placeholder="All" data={data.schools} value={school} onChange={setSchool} />
              </Group>
              <ErrorAlert error={csv.error} />
              {data.holders.length === 0 ? (
                <Text size="sm" c="dimmed">
                  Nobody matches.
                </Text>
              ) : (
                <Table.ScrollContainer minWidth={760}>
                  <Table verticalSpacing="xs" aria-label="Holders" data-testid="holders-table">
                    <Table.Caption>{plural(data.holders.length, 'holder')}</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Credential</Table.Th>
                        <Table.Th>Holder</Table.Th>
                        <Table.Th>School</Table.Th>
                        <Table.Th>District</Table.Th>
                        <Table.Th>Awarded</Table.Th>
                        <Table.Th>Current</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.holders.map((h, i) => (
                        <Table.Tr key={`${h.candidateId}-${h.code}-${i}`}>
                          <Table.Td>{h.code}</Table.Td>
                          <Table.Td>
                            <Link to={`/credit/candidates/${encodeURIComponent(h.candidateId)}`} size="sm">
                              {h.name}
                            </Link>
                            <Text size="xs" c="dimmed">
                              {h.email}
                            </Text>
                          </Table.Td>
                          <Table.Td>{h.school}</Table.Td>
                          <Table.Td>{h.district}</Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>
                            {calendarDay(h.awardedOn)}
                            <Text size="xs" c="dimmed">
                              {h.source === 'app' ? 'this programme' : h.issuer}
                            </Text>
                          </Table.Td>
                          <Table.Td>{h.current ? 'Yes' : `No (expired ${h.expiresOn ? calendarDay(h.expiresOn) : ''})`}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Stack>
          </Card>
        </>
      )}
    </Stack>
  );
}

function CredentialTable({ insight }: { insight: Insight }) {
  return (
    <Card withBorder p={0} component="section" aria-label="Per credential">
      <Table.ScrollContainer minWidth={860}>
        <Table verticalSpacing="xs" aria-label="Per credential" data-testid="insight-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Credential</Table.Th>
              <Table.Th ta="right">Candidates</Table.Th>
              <Table.Th ta="right">Passed</Table.Th>
              <Table.Th ta="right">Median attempts to pass</Table.Th>
              <Table.Th ta="right">Median days to decision</Table.Th>
              <Table.Th ta="right">Pre-test (mean)</Table.Th>
              <Table.Th ta="right">Post-test (mean)</Table.Th>
              <Table.Th ta="right">Gain</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {insight.credentials.map((c) => (
              <Table.Tr key={c.code}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {c.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {c.code}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{c.candidates}</Table.Td>
                <Table.Td ta="right">{c.passes}</Table.Td>
                <Table.Td ta="right">{c.medianAttempts === null ? '—' : num(c.medianAttempts)}</Table.Td>
                <Table.Td ta="right">{c.medianDaysToDecision === null ? '—' : num(c.medianDaysToDecision)}</Table.Td>
                <Table.Td ta="right">{c.tests ? `${num(c.tests.meanPre)} %` : '—'}</Table.Td>
                <Table.Td ta="right">{c.tests ? `${num(c.tests.meanPost)} %` : '—'}</Table.Td>
                <Table.Td ta="right">
                  {c.tests ? (
                    <>
                      {`${c.tests.gain >= 0 ? '+' : ''}${num(c.tests.gain)}`}
                      <Text size="xs" c="dimmed">
                        {plural(c.tests.n, 'portfolio')}
                      </Text>
                    </>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** Charts carry a sentence with the takeaway, so nobody needs the pixels. */
function ChartCard({ title, summary, children }: { title: string; summary: string; children: React.ReactNode }) {
  return (
    <Card withBorder component="section" aria-label={title}>
      <Title order={3} size="h5">
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {summary}
      </Text>
      <figure style={{ margin: 0 }} aria-label={summary}>
        {children}
      </figure>
    </Card>
  );
}

function PassesChart({ insight }: { insight: Insight }) {
  const data = insight.credentials.map((c) => ({ code: c.code, Candidates: c.candidates, Passed: c.passes }));
  const total = insight.credentials.reduce((s, c) => s + c.passes, 0);
  return (
    <ChartCard title="Candidates and passes" summary={`${total} passes across ${insight.credentials.length} credentials.`}>
      <BarChart
        h={220}
        data={data}
        dataKey="code"
        series={[
          { name: 'Candidates', color: 'gray.5' },
          { name: 'Passed', color: 'teal.6' },
        ]}
        withLegend
        tooltipAnimationDuration={0}
      />
    </ChartCard>
  );
}

function TestsChart({ insight }: { insight: Insight }) {
  const tested = insight.credentials.filter((c) => c.tests);
  const data = tested.map((c) => ({ code: c.code, 'Pre-test': c.tests!.meanPre, 'Post-test': c.tests!.meanPost }));
  const summary = tested.length
    ? tested.map((c) => `${c.code}: ${num(c.tests!.meanPre)} % before, ${num(c.tests!.meanPost)} % after`).join('; ')
    : 'No portfolio carries pre- and post-test scores yet.';
  return (
    <ChartCard title="Pre- and post-test (mean %)" summary={summary}>
      {tested.length > 0 && (
        <BarChart
          h={220}
          data={data}
          dataKey="code"
          unit="%"
          yAxisProps={{ domain: [0, 100] }}
          series={[
            { name: 'Pre-test', color: 'blue.3' },
            { name: 'Post-test', color: 'blue.7' },
          ]}
          withLegend
          tooltipAnimationDuration={0}
        />
      )}
    </ChartCard>
  );
}
