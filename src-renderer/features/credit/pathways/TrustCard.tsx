import { useState } from 'react';
import { Alert, Badge, Button, Code, Group, Stack, Text, Textarea, TextInput, Title, Card } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/transport';
import { useApiQuery } from '../../../api/queries';
import { useMe } from '../../profile/ProfileProvider';
import { day } from '../shared/format';
import { ErrorAlert } from '../shared/ui';

/**
 * Whose Open Badges count toward credit: this installation's own key and the issuers an admin trusts. A badge signed
 * by any other key is kept as unverified and never meets a requirement; the name shown is the one listed here.
 */
export function TrustCard() {
  const me = useMe();
  const isAdmin = me.roles.includes('admin');
  const list = useApiQuery('credit.trustList', {});
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries();
  const [form, setForm] = useState({ issuerId: '', name: '', jwk: '' });
  const add = useMutation({
    mutationFn: () => api.call('credit.trustAdd', form),
    onSuccess: () => {
      setForm({ issuerId: '', name: '', jwk: '' });
      refresh();
    },
  });
  const remove = useMutation({ mutationFn: (thumbprint: string) => api.call('credit.trustRemove', { thumbprint }), onSuccess: refresh });
  const t = list.data;
  return (
    <Card withBorder component="section" aria-labelledby="trust-title" data-testid="trust-card">
      <Stack gap="xs">
        <Title order={3} size="h5" id="trust-title">
          Trusted badge issuers
        </Title>
        <Text size="sm" c="dimmed">
          An Open Badge earned elsewhere counts toward credit only when it is signed with one of these keys and names the issuer it is listed for. Any other badge is kept as
          unverified and never meets a requirement.
        </Text>
        <ErrorAlert error={list.error} title="The trust list could not be loaded" />
        {t && (
          <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Trusted issuers">
            {t.local && (
              <li>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Badge variant="light" color="teal" style={{ flexShrink: 0 }}>
                    This installation
                  </Badge>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {t.local.name} · key <Code>{t.local.thumbprint}</Code>
                  </Text>
                </Group>
                <details>
                  <summary>
                    <Text span size="xs">
                      Public key to give other installations
                    </Text>
                  </summary>
                  <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
                    {JSON.stringify(t.local.jwk)}
                  </Code>
                </details>
              </li>
            )}
            {t.issuers.map((i) => (
              <li key={i.thumbprint}>
                <Group gap="xs" justify="space-between" wrap="nowrap">
                  <Text size="sm" fw={600}>
                    {i.name}
                  </Text>
                  {isAdmin && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      style={{ flexShrink: 0 }}
                      onClick={() => remove.mutate(i.thumbprint)}
                      loading={remove.isPending && remove.variables === i.thumbprint}
                      aria-label={`Remove ${i.name} from the trust list`}
                    >
                      Remove
                    </Button>
                  )}
                </Group>
                <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                  {i.issuerId} · key <Code style={{ overflowWrap: 'anywhere' }}>{i.thumbprint}</Code> · added {day(i.addedAt)} by {i.addedBy}
                </Text>
              </li>
            ))}
            {!t.local && t.issuers.length === 0 && (
              <Text size="sm" c="dimmed" component="li">
                No issuer is trusted yet.
              </Text>
            )}
          </Stack>
        )}
        <ErrorAlert error={remove.error} title="The issuer was not removed" />
        {isAdmin ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              add.mutate();
            }}
          >
            <Stack gap="xs">
              <Title order={4} size="h6">
                Trust an issuer
              </Title>
              <TextInput label="Issuer id (URL or DID its badges name)" required value={form.issuerId} onChange={(e) => setForm({ ...form, issuerId: e.currentTarget.value })} />
              <TextInput label="Name to show" required value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} />
              <Textarea
                label="Public key (JWK)"
                description="From the issuer, e.g. their installation's “Public key to give other installations”."
                required
                autosize
                minRows={2}
                value={form.jwk}
                onChange={(e) => setForm({ ...form, jwk: e.currentTarget.value })}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              />
              <Button type="submit" variant="light" loading={add.isPending}>
                Trust this issuer
              </Button>
              <ErrorAlert error={add.error} title="The issuer was not added" />
              {add.isSuccess && (
                <Alert color="teal" variant="light">
                  Added to the trust list.
                </Alert>
              )}
            </Stack>
          </form>
        ) : (
          <Text size="xs" c="dimmed">
            Only an administrator can change this list.
          </Text>
        )}
      </Stack>
    </Card>
  );
}
