import { useState } from 'react';
import { Alert, Button, Card, FileInput, List, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../api/transport';
import { ErrorAlert } from '../shared/ui';

/** Checks an Open Badges 3.0 file as `cli badge verify` does: schema, signature, nothing changed since signing, dates, a trusted signer. */
export function VerifyBadgeCard() {
  const [file, setFile] = useState<File | null>(null);
  const check = useMutation({ mutationFn: async () => api.call('credit.verifyBadge', { content: await file!.text() }) });
  const r = check.data;
  return (
    <Card withBorder component="section" aria-labelledby="verify-title">
      <Stack gap="xs">
        <Title order={3} size="h5" id="verify-title">
          Check an Open Badge
        </Title>
        <FileInput label="Badge file" placeholder="Choose a .json or .jwt file" accept=".json,.jwt,application/json" value={file} onChange={setFile} clearable />
        <Button variant="light" onClick={() => check.mutate()} disabled={!file} loading={check.isPending}>
          Check
        </Button>
        <ErrorAlert error={check.error} />
        {r &&
          (r.ok ? (
            <Alert color="teal" variant="light" title="Valid" data-testid="badge-check">
              <Text size="sm">
                “{r.achievement}”, issued by {r.issuer} on {r.validFrom?.slice(0, 10)}.{' '}
                {r.signedHere ? "Signed with this installation's issuer key." : `Signed with the key of ${r.issuer} on the trust list.`}
              </Text>
            </Alert>
          ) : (
            <Alert color="red" variant="light" title="Not valid" role="alert" data-testid="badge-check">
              <List size="sm" spacing={2}>
                {r.problems.map((p) => (
                  <List.Item key={p}>{p}</List.Item>
                ))}
              </List>
            </Alert>
          ))}
      </Stack>
    </Card>
  );
}
