import { useState } from 'react';
import { Alert, Anchor as Link, Badge, Button, Card, FileButton, Group, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import type { RubricFamily } from '../../../src-shared/contracts/calibration';
import { RubricSchema } from '../../../src-shared/domain/rubric';
import { useApiQuery } from '../../api/queries';
import { api } from '../../api/transport';
import { saveExport } from '../../api/download';
import { ApiErrorAlert } from '../panel/shared/ApiErrorAlert';
import { PageHeader } from '../panel/shared/PageHeader';
import { RequireRole } from '../panel/shared/RequireRole';
import { day } from '../calibration/shared/format';

async function exportJson(id: string, version: number) {
  try {
    const where = await saveExport(await api.call('rubrics.export', { id, version }));
    if (where) notifications.show({ color: 'teal', message: `Saved ${where}` });
  } catch (err) {
    notifications.show({ color: 'red', title: 'Not exported', message: (err as Error).message });
  }
}

function Compare({ family }: { family: RubricFamily }) {
  const navigate = useNavigate();
  const versions = family.versions.map((v) => ({ value: String(v.version), label: `v${v.version}` }));
  const [from, setFrom] = useState(versions.at(-2)?.value ?? null);
  const [to, setTo] = useState(versions.at(-1)?.value ?? null);
  if (family.versions.length < 2) return null;
  return (
    <Group gap="xs" align="flex-end">
      <Select label="Compare" data={versions} value={from} onChange={setFrom} w={90} size="xs" allowDeselect={false} />
      <Select label="with" data={versions} value={to} onChange={setTo} w={90} size="xs" allowDeselect={false} />
      <Button size="xs" variant="default" disabled={!from || !to || from === to} onClick={() => navigate(`/rubrics/${encodeURIComponent(family.id)}/compare?from=${from}&to=${to}`)}>
        Side by side
      </Button>
    </Group>
  );
}

function FamilyCard({ family }: { family: RubricFamily }) {
  const navigate = useNavigate();
  const titleId = `rubric-${family.id}`;
  return (
    <Card withBorder component="section" aria-labelledby={titleId} data-testid={`rubric-family-${family.id}`}>
      <Group justify="space-between" align="flex-end" mb="xs">
        <div>
          <Title order={3} size="h5" id={titleId}>
            {family.title}
          </Title>
          <Text size="xs" c="dimmed">
            {family.id}
          </Text>
        </div>
        <Compare family={family} />
      </Group>
      <Table verticalSpacing={6} fz="sm" aria-label={`Versions of ${family.title}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Version</Table.Th>
            <Table.Th scope="col">Created</Table.Th>
            <Table.Th scope="col">Change note</Table.Th>
            <Table.Th scope="col">Used by</Table.Th>
            <Table.Th scope="col">
              <span aria-hidden />
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...family.versions].reverse().map((v) => (
            <Table.Tr key={v.version}>
              <Table.Td>
                <Group gap={6}>
                  <Text fw={600}>v{v.version}</Text>
                  {v.frozen ? (
                    <Badge size="xs" color="gray" variant="light">
                      frozen
                    </Badge>
                  ) : (
                    <Badge size="xs" color="teal" variant="light">
                      editable
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{day(v.createdAt)}</Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {v.changeNote ?? '–'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs">
                  {v.usage.portfolios} portfolios · {v.usage.reviews} reviews · {v.usage.rounds} rounds
                  {v.usage.credentials.length > 0 && (
                    <>
                      <br />
                      in force for {v.usage.credentials.join(', ')}
                    </>
                  )}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Button size="compact-xs" variant="light" onClick={() => navigate(`/rubrics/${encodeURIComponent(family.id)}/${v.version}/edit`)} aria-label={`${v.frozen ? 'Open' : 'Edit'} ${family.title} v${v.version} in the editor`}
                    title={v.frozen ? 'Frozen: saving makes a new version' : 'Not used yet: saving edits it in place'}
                  >
                    {v.frozen ? 'Open' : 'Edit'}
                  </Button>
                  <Button size="compact-xs" variant="default" onClick={() => void exportJson(family.id, v.version)} aria-label={`Download ${family.title} v${v.version} as JSON`}>
                    JSON
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function Rubrics() {
  const navigate = useNavigate();
  const families = useApiQuery('rubrics.list', {});
  const [importError, setImportError] = useState<string[] | null>(null);
  const importFile = async (file: File | null) => {
    if (!file) return;
    setImportError(null);
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch (err) {
      setImportError([`${file.name} is not valid JSON: ${(err as Error).message}`]);
      return;
    }
    const parsed = RubricSchema.safeParse(json);
    if (!parsed.success) {
      setImportError(parsed.error.issues.map((i) => `${i.path.join('.') || file.name}: ${i.message}`));
      return;
    }
    navigate('/rubrics/new', { state: { rubric: parsed.data } });
  };
  return (
    <Stack gap="md" pb="xl">
      <PageHeader
        title="Rubrics"
        description="Criteria, levels and decision rules. A version that portfolios, reviews or calibration rounds used is frozen: editing it saves a new version with a change note."
        actions={
          <>
            <FileButton onChange={(f) => void importFile(f)} accept="application/json,.json">
              {(props) => (
                <Button variant="default" {...props}>
                  Import JSON…
                </Button>
              )}
            </FileButton>
            <Button onClick={() => navigate('/rubrics/new')}>New rubric</Button>
          </>
        }
      />
      {importError && (
        <Alert color="red" title="That file is not a rubric" withCloseButton onClose={() => setImportError(null)} closeButtonLabel="Dismiss">
          {importError.map((e) => (
            <Text key={e} size="sm">
              {e}
            </Text>
          ))}
        </Alert>
      )}
      <ApiErrorAlert error={families.error} />
      {families.isLoading && <Loader aria-label="Loading rubrics" />}
      {families.data?.map((f) => (
        <FamilyCard key={f.id} family={f} />
      ))}
      <Text size="xs" c="dimmed">
        The JSON files are the format `npm run cli -- import` reads (schema: resources/schemas/rubric.schema.json); `cli rubric export --id ID --version N --out FILE` writes them
        too. <Link href="#/calibration">Calibration</Link>
      </Text>
    </Stack>
  );
}

export function RubricsPage() {
  return (
    <RequireRole roles={['lead', 'admin']}>
      <Rubrics />
    </RequireRole>
  );
}
