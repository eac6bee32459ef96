import { useState } from 'react';
import { Alert, Button, Card, Code, FileInput, List, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/transport';
import { useApiQuery } from '../../../api/queries';
import { ApiError } from '../../../../src-shared/contracts/errors';
import { useMe } from '../../profile/ProfileProvider';
import { ChangesTable } from '../../panel/shared/ChangesTable';
import { ErrorAlert } from '../shared/ui';

const COLUMNS = 'candidate_id, candidate_email, candidate_name, credential_code or credential_title, issuer, awarded_on, and optionally expires_on, points, hours, school, district';

/** Credentials earned elsewhere: a CSV file, or an Open Badges 3.0 credential (JSON). All or nothing. */
export function ExternalImportCard({ candidateId }: { candidateId?: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [candidate, setCandidate] = useState<string | null>(candidateId ?? null);
  const isBadge = Boolean(file && /\.(json|jwt)$/i.test(file.name));
  const candidates = useApiQuery('credit.candidates', {}, { enabled: !candidateId && isBadge });
  const me = useMe();
  const mayConfirm = me.roles.includes('lead') || me.roles.includes('admin');
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: async (updateExisting: boolean) =>
      api.call('credit.importExternal', { fileName: file!.name, content: await file!.text(), candidateId: candidate ?? undefined, updateExisting }),
    onSuccess: () => {
      setFile(null);
      void queryClient.invalidateQueries();
    },
  });
  const r = run.data;
  const conflicts = run.error instanceof ApiError && run.error.code === 'conflict' ? run.error.conflicts : undefined;
  return (
    <Card withBorder component="section" aria-labelledby="external-title">
      <Stack gap="xs">
        <Title order={3} size="h5" id="external-title">
          Import credentials earned elsewhere
        </Title>
        <Text size="sm" c="dimmed">
          A CSV file with the columns <Code>{COLUMNS}</Code>, or an Open Badges 3.0 credential (.json, or a bare VC-JWT .jwt). Candidates are matched by id, then email; nothing is imported
          if any line has a problem.
        </Text>
        <FileInput label="File" placeholder="Choose a .csv or .json file" accept=".csv,.json,.jwt,text/csv,application/json" value={file} onChange={setFile} clearable clearButtonProps={{ 'aria-label': 'Clear the chosen file' }} />
        {isBadge && !candidateId && (
          <Select
            label="Candidate (if the badge's email matches nobody)"
            clearable
            searchable
            data={(candidates.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.id})` }))}
            value={candidate}
            onChange={setCandidate}
          />
        )}
        <Button onClick={() => run.mutate(false)} disabled={!file} loading={run.isPending}>
          Import
        </Button>
        {conflicts?.length ? (
          <Alert color="yellow" variant="light" title="This file changes existing candidates" role="alert" data-testid="external-import-conflicts">
            <Stack gap="xs">
              <Text size="sm">Nothing has been imported yet. {mayConfirm ? 'Check each change, then confirm to apply the whole file.' : 'Only a panel lead or administrator can apply these changes.'}</Text>
              <ChangesTable changes={conflicts} caption="Changes this file would make to existing candidates" />
              {mayConfirm && file && (
                <Button color="yellow" onClick={() => run.mutate(true)} loading={run.isPending}>
                  Confirm and apply changes
                </Button>
              )}
            </Stack>
          </Alert>
        ) : (
          <ErrorAlert error={run.error} title="Nothing was imported" />
        )}
        {r && (
          <Alert color="teal" variant="light" data-testid="external-import-result">
            Imported {r.imported} ({r.unchanged} already known). {r.candidatesCreated.length ? `New candidates: ${r.candidatesCreated.join(', ')}. ` : ''}
            {r.candidatesUpdated.length ? `Updated candidates: ${r.candidatesUpdated.join(', ')}. ` : ''}
            {r.matchedByEmail.length ? `Matched by email: ${r.matchedByEmail.map((m) => `${m.line} → ${m.candidate}`).join(', ')}. ` : ''}
            {r.notInCatalogue.length ? `Not in the catalogue (kept, never counted): ${r.notInCatalogue.join('; ')}. ` : ''}
            {r.upgraded ? `Now verified: ${r.upgraded}.` : ''}
          </Alert>
        )}
        {r && r.unverified.length > 0 && (
          <Alert color="orange" variant="light" title="Kept as unverified: these do not count toward credit" data-testid="external-import-unverified">
            <List size="sm" spacing={2}>
              {r.unverified.map((u) => (
                <List.Item key={u.line} style={{ overflowWrap: 'anywhere' }}>
                  {u.line}: {u.reason}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
