import { useState } from 'react';
import { Alert, Button, Card, Code, FileInput, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../../../src-shared/contracts/errors';
import { api } from '../../../../api/transport';
import { useMe } from '../../../profile/ProfileProvider';
import { ApiErrorAlert } from '../../shared/ApiErrorAlert';
import { ChangesTable } from '../../shared/ChangesTable';

/**
 * Reviewer profiles from a CSV, all or nothing: a bad row refuses the file, naming the line and the reason. A file
 * that would change known profiles is shown as a diff first; a lead or admin confirms it to apply the changes.
 */
export function ReviewerImport() {
  const [file, setFile] = useState<File | null>(null);
  const me = useMe();
  const mayConfirm = me.roles.includes('lead') || me.roles.includes('admin');
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: async ({ f, updateExisting }: { f: File; updateExisting: boolean }) => api.call('reviewers.importCsv', { csv: await f.text(), updateExisting }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
  const conflicts = run.error instanceof ApiError && run.error.code === 'conflict' ? run.error.conflicts : undefined;
  return (
    <Card withBorder component="section" aria-labelledby="import-title">
      <Stack gap="sm">
        <div>
          <Title order={3} size="h5" id="import-title">
            Import reviewers from CSV
          </Title>
          <Text size="sm" c="dimmed">
            Columns <Code>id,name,email,school,district,roles</Code>, roles separated by <Code>;</Code> (reviewer, moderator, lead, approver, admin). New ids are
            created; changes to known profiles are shown for a panel lead or administrator to confirm. One bad row refuses the whole file and nothing is imported.
          </Text>
        </div>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (file) run.mutate({ f: file, updateExisting: false });
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
              clearButtonProps={{ 'aria-label': 'Clear the chosen file' }}
              w={360}
              data-testid="reviewers-csv"
            />
            <Button type="submit" disabled={!file} loading={run.isPending}>
              Import
            </Button>
          </Group>
        </form>
        {conflicts?.length ? (
          <Alert color="yellow" variant="light" title="This file changes existing profiles" role="alert" data-testid="import-conflicts">
            <Stack gap="xs">
              <Text size="sm">Nothing has been imported yet. {mayConfirm ? 'Check each change, then confirm to apply the whole file.' : 'Only a panel lead or administrator can apply these changes.'}</Text>
              <ChangesTable changes={conflicts} caption="Changes this file would make to existing profiles" />
              {mayConfirm && file && (
                <Group gap="sm">
                  <Button color="yellow" onClick={() => run.mutate({ f: file, updateExisting: true })} loading={run.isPending}>
                    Confirm and apply changes
                  </Button>
                  <Button variant="default" onClick={() => run.reset()}>
                    Cancel
                  </Button>
                </Group>
              )}
            </Stack>
          </Alert>
        ) : (
          <ApiErrorAlert error={run.error} title="Import refused" />
        )}
        {run.data && (
          <Alert color="teal" variant="light" title="Imported" data-testid="import-result">
            {run.data.created.length} created{run.data.created.length ? ` (${run.data.created.join(', ')})` : ''}, {run.data.updated.length} updated
            {run.data.updated.length ? ` (${run.data.updated.join(', ')})` : ''}, {run.data.unchanged.length} unchanged.
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
