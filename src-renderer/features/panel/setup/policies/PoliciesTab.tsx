import { useState } from 'react';
import { Center, Grid, Loader, Select, Stack } from '@mantine/core';
import { useApiQuery } from '../../../../api/queries';
import { ApiErrorAlert } from '../../shared/ApiErrorAlert';
import { PolicyForm } from './PolicyForm';
import { PolicyHistory } from './PolicyHistory';

/** One review policy per credential, versioned: saving publishes a new version with a change note. */
export function PoliciesTab() {
  const facets = useApiQuery('queue.facets', {});
  const [chosen, setChosen] = useState<string | null>(null);
  const credential = chosen ?? facets.data?.credentials[0]?.code ?? null;
  const policy = useApiQuery('policy.get', { credential: credential ?? '' }, { enabled: Boolean(credential) });
  return (
    <Stack gap="md">
      <Select
        label="Credential"
        w={420}
        allowDeselect={false}
        data={(facets.data?.credentials ?? []).map((c) => ({ value: c.code, label: `${c.title} (${c.code})` }))}
        value={credential}
        onChange={setChosen}
      />
      <ApiErrorAlert error={facets.error ?? policy.error} />
      {credential && !policy.data && !policy.error && (
        <Center h={160}>
          <Loader aria-label="Loading the policy" />
        </Center>
      )}
      {credential && policy.data && (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <PolicyForm key={`${credential}:${policy.data.versions[0]?.version ?? 0}`} credential={credential} current={policy.data.current} version={policy.data.versions[0]?.version ?? 0} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <PolicyHistory versions={policy.data.versions} />
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
