import { useState } from 'react';
import { Alert, Button, Card, Center, Checkbox, Group, SimpleGrid, Stack, Text, TextInput, Title, UnstyledButton, Badge } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { ROLES, ROLE_LABEL, type Role } from '../../../src-shared/domain/roles';
import { api } from '../../api/transport';
import { useProfile } from './ProfileProvider';
import classes from './ProfilePicker.module.css';

export function ProfilePicker() {
  const { switchTo } = useProfile();
  const profiles = useQuery({ queryKey: ['reviewers.list'], queryFn: () => api.call('reviewers.list', {}) });
  const first = profiles.data?.length === 0;
  const [creating, setCreating] = useState(false);
  const form = useForm({
    initialValues: { name: '', email: '', school: '', district: '', roles: ['reviewer'] as Role[] },
    validate: {
      name: (v) => (v.trim() ? null : 'Enter your name'),
      email: (v) => (/^\S+@\S+\.\S+$/.test(v) ? null : 'Enter a valid email'),
      roles: (v) => (v.length ? null : 'Choose at least one role'),
    },
  });
  const create = useMutation({
    mutationFn: (values: typeof form.values) => api.call('reviewers.create', values),
    onSuccess: (r) => switchTo(r.id),
  });

  return (
    <Center mih="100dvh" p="md" bg="gray.0">
      <Card withBorder shadow="sm" w={760} maw="100%" p="xl">
        <Title order={1} size="h3">
          Evidence Workbench
        </Title>
        <Text c="dimmed" mb="lg">
          Who is reviewing? Every score and decision is recorded with your profile.
        </Text>
        {profiles.data && profiles.data.length > 0 && !creating && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" role="list" aria-label="Reviewer profiles">
            {profiles.data
              .filter((p) => p.active)
              .map((p) => (
                <UnstyledButton key={p.id} className={classes.profile} onClick={() => switchTo(p.id)} role="listitem">
                  <Text fw={600}>{p.name}</Text>
                  <Text size="xs" c="dimmed" truncate>
                    {p.email}
                  </Text>
                  <Group gap={4} mt={4}>
                      {p.roles.map((r) => (
                        <Badge key={r} variant="light" size="sm">
                          {ROLE_LABEL[r]}
                      </Badge>
                    ))}
                  </Group>
                </UnstyledButton>
              ))}
          </SimpleGrid>
        )}
        {profiles.data && profiles.data.length > 0 && !creating && (
          <Button variant="subtle" onClick={() => setCreating(true)} mt="sm">
            Create a new profile
          </Button>
        )}
        {(first || creating) && (
          <form onSubmit={form.onSubmit((v) => create.mutate(v))}>
            <Stack gap="sm">
              <Title order={2} size="h5">
                {first ? 'Create the first profile' : 'New profile'}
              </Title>
              <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
              <TextInput label="Email" required type="email" {...form.getInputProps('email')} />
              <Group grow>
                <TextInput label="School" {...form.getInputProps('school')} />
                <TextInput label="District" {...form.getInputProps('district')} />
              </Group>
              <Checkbox.Group label="Roles" {...form.getInputProps('roles')} description={first ? undefined : 'Roles other than Reviewer need an administrator or panel lead.'}>
                <Group mt={6}>
                  {ROLES.map((r) => (
                    <Checkbox key={r} value={r} label={ROLE_LABEL[r]} disabled={!first && r !== 'reviewer'} />
                  ))}
                </Group>
              </Checkbox.Group>
              {create.error && <Alert color="red">{create.error.message}</Alert>}
              <Group justify="flex-end">
                {!first && (
                  <Button variant="default" onClick={() => setCreating(false)}>
                    Back
                  </Button>
                )}
                <Button type="submit" loading={create.isPending}>
                  Create and continue
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Card>
    </Center>
  );
}
