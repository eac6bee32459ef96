import { useState } from 'react';
import { Alert, Button, Card, Code, FileInput, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../../api/transport';
import { ApiErrorAlert } from '../../shared/ApiErrorAlert';

/** Reviewer profiles from a CSV, all or nothing: a bad row refuses the file, naming the line and the reason. */
export function ReviewerImport() {
  const [file, setFile] = useState<File | null>(null);
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: async (f: File) => api.call('reviewers.importCsv', { csv: await f.text() }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
  return (
    <Card withBorder component="section" aria-labelledby="import-title">
      <Stack gap="sm">
        <div>
          <Title order={3} size="h5" id="import-title">
            Import reviewers from CSV
          </Title>
          <Text size="sm" c="dimmed">
            Columns <Code>id,name,email,school,district,roles</Code>, roles separated by <Code>;</Code> (reviewer, moderator, lead, approver, admin). Known ids are
            updated, new ones created. One bad row refuses the whole file and nothing is imported.
          </Text>
        </div>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (file) run.mutate(file);
          }}
        >
          <Group align="flex-end" gap="sm">
            <FileInput
              label="Reviewers file"
              description="A .csv file, UTF-8"
              accept=".csv,text/csv"
              value={file}
              onChange={(f) => {
                setFile(f);
                run.reset();
              }}
              clearable
              w={360}
              data-testid="reviewers-csv"
            />
            <Button type="submit" disabled={!file} loading={run.isPending}>
              Import
            </Button>
          </Group>
        </form>
        <ApiErrorAlert error={run.error} title="Import refused" />
        {run.data && (
          <Alert color="teal" variant="light" title="Imported" data-testid="import-result">
            {run.data.created.length} created{run.data.created.length ? ` (${run.data.created.join(', ')})` : ''}, {run.data.updated.length} updated
            {run.data.updated.length ? ` (${run.data.updated.join(', ')})` : ''}.
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
