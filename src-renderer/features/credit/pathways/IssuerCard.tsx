import { useEffect, useState } from 'react';
import { Alert, Button, Card, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { IssuerProfile } from '../../../../src-shared/contracts/credit';
import { api } from '../../../api/transport';
import { useApiQuery } from '../../../api/queries';
import { ErrorAlert } from '../shared/ui';

/** The issuer named in every Open Badges credential this app exports. */
export function IssuerCard({ canEdit }: { canEdit: boolean }) {
  const settings = useApiQuery('credit.settings', {});
  const [issuer, setIssuer] = useState<IssuerProfile | null>(null);
  useEffect(() => {
    if (settings.data) setIssuer(settings.data.issuer);
  }, [settings.data]);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () => api.call('credit.setSettings', { issuer: issuer! }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['credit.settings'] }),
  });
  return (
    <Card withBorder component="section" aria-labelledby="issuer-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="xs">
          <Title order={3} size="h5" id="issuer-title">
            Open Badges issuer
          </Title>
          <Text size="sm" c="dimmed">
            Named as the issuer of every badge exported for a passed micro-credential.
          </Text>
          {issuer && (
            <>
              <TextInput label="Name" required disabled={!canEdit} value={issuer.name} onChange={(e) => setIssuer({ ...issuer, name: e.currentTarget.value })} />
              <TextInput label="Web address" type="url" required disabled={!canEdit} value={issuer.url} onChange={(e) => setIssuer({ ...issuer, url: e.currentTarget.value })} />
              <TextInput label="Email" type="email" disabled={!canEdit} value={issuer.email} onChange={(e) => setIssuer({ ...issuer, email: e.currentTarget.value })} />
              <Textarea label="Description" autosize disabled={!canEdit} value={issuer.description} onChange={(e) => setIssuer({ ...issuer, description: e.currentTarget.value })} />
              {canEdit && (
                <Button type="submit" variant="light" loading={save.isPending}>
                  Save issuer
                </Button>
              )}
            </>
          )}
          <ErrorAlert error={save.error ?? settings.error} title="The issuer profile was not saved" />
          {save.isSuccess && (
            <Alert color="teal" variant="light">
              Saved.
            </Alert>
          )}
        </Stack>
      </form>
    </Card>
  );
}
