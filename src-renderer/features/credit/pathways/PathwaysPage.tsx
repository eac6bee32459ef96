import { useState } from 'react';
import { Alert, Badge, Button, Card, FileInput, Grid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../../api/transport';
import { useApiQuery } from '../../../api/queries';
import { useMe } from '../../profile/ProfileProvider';
import { ErrorAlert, Link, Loading, PageHeader, RequireCreditRole } from '../shared/ui';
import { IssuerCard } from './IssuerCard';
import { TrustCard } from './TrustCard';
import { VerifyBadgeCard } from './VerifyBadgeCard';

export function PathwaysPage() {
  return (
    <RequireCreditRole>
      <Pathways />
    </RequireCreditRole>
  );
}

function Pathways() {
  const me = useMe();
  const canEdit = me.roles.includes('approver') || me.roles.includes('admin');
  const list = useApiQuery('credit.pathways', {});
  const navigate = useNavigate();
  return (
    <Stack gap="md" pb="xl">
      <PageHeader
        title="Pathways"
        description="How passed micro-credentials turn into credit or hours: the award, the credentials it recognises and the rule. Versioned like rubrics: a version in use never changes."
        actions={canEdit && <Button onClick={() => navigate('/credit/pathways/new')}>New pathway</Button>}
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          {list.error && <ErrorAlert error={list.error} title="The pathways could not be loaded" />}
          {list.isLoading && <Loading label="Loading pathways" />}
          {list.data && (
            <Card withBorder p={0}>
              {list.data.length === 0 ? (
                <Text p="md" c="dimmed">
                  No pathway yet.
                </Text>
              ) : (
                <Table verticalSpacing="sm" highlightOnHover aria-label="Pathways" data-testid="pathways-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Award</Table.Th>
                      <Table.Th>Rule</Table.Th>
                      <Table.Th>Version</Table.Th>
                      <Table.Th ta="right">Applications</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.data.map((p) => (
                      <Table.Tr key={p.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/credit/pathways/${p.id}`)}>
                        <Table.Td>
                          <Link to={`/credit/pathways/${p.id}`} fw={600} size="sm">
                            {p.targetCode} {p.targetTitle}
                          </Link>
                          <Text size="xs" c="dimmed">
                            {p.qualification || p.id}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{p.summary}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light">v{p.version}</Badge>
                        </Table.Td>
                        <Table.Td ta="right">{p.applications}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Card>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            {canEdit && <ImportCard />}
            <IssuerCard canEdit={canEdit} />
            <TrustCard />
            <VerifyBadgeCard />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function ImportCard() {
  const [file, setFile] = useState<File | null>(null);
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: async () => api.call('credit.importPathway', { json: await file!.text() }),
    onSuccess: () => {
      setFile(null);
      void queryClient.invalidateQueries();
    },
  });
  return (
    <Card withBorder component="section" aria-labelledby="pathway-import-title">
      <Stack gap="xs">
        <Title order={3} size="h5" id="pathway-import-title">
          Import a pathway
        </Title>
        <Text size="sm" c="dimmed">
          A JSON file in the format evidence-workbench/pathway@1 (schema: resources/schemas/pathway.schema.json). A version in use cannot change: publish the next one.
        </Text>
        <FileInput label="Pathway file" placeholder="Choose a .json file" accept=".json,application/json" value={file} onChange={setFile} clearable />
        <Button onClick={() => run.mutate()} disabled={!file} loading={run.isPending}>
          Import
        </Button>
        <ErrorAlert error={run.error} title="The pathway was not imported" />
        {run.data && (
          <Alert color="teal" variant="light">
            {run.data.version.pathway.id} version {run.data.version.pathway.version}: {run.data.result.replace('_', ' ')}.
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
