import { Button, Checkbox, Group, Modal, NumberInput, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Reviewer } from '../../../../../src-shared/contracts/reviewers';
import { ROLES, ROLE_LABEL, type Role } from '../../../../../src-shared/domain/roles';
import { api } from '../../../../api/transport';
import { ApiErrorAlert } from '../../shared/ApiErrorAlert';

interface Values {
  name: string;
  email: string;
  school: string;
  district: string;
  roles: Role[];
  active: boolean;
  maxLoad: number | string;
}

export function ReviewerEditModal({ reviewer, isSelf, onClose }: { reviewer: Reviewer; isSelf: boolean; onClose(): void }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: { ...reviewer },
    validate: {
      name: (v) => (v.trim() ? null : 'Enter a name'),
      email: (v) => (/^\S+@\S+\.\S+$/.test(v) ? null : 'Enter a valid email'),
      roles: (v) => (v.length ? null : 'Choose at least one role'),
      maxLoad: (v) => (typeof v === 'number' && v >= 0 && v <= 1000 ? null : 'A whole number from 0 to 1000'),
    },
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.call('reviewers.update', {
        id: reviewer.id,
        patch: { name: v.name.trim(), email: v.email.trim(), school: v.school.trim(), district: v.district.trim(), roles: v.roles, active: v.active, maxLoad: Number(v.maxLoad) },
      }),
    onSuccess: async (r) => {
      notifications.show({ color: 'teal', message: `${r.name} saved.` });
      await queryClient.invalidateQueries();
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={`Edit ${reviewer.name}`} size="lg">
      <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack gap="sm">
          <Group grow>
            <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
            <TextInput label="Email" required type="email" {...form.getInputProps('email')} />
          </Group>
          <Group grow>
            <TextInput label="School" description="Same school is a conflict of interest" {...form.getInputProps('school')} />
            <TextInput label="District" description="Same district can be, by policy" {...form.getInputProps('district')} />
          </Group>
          <Checkbox.Group label="Roles" {...form.getInputProps('roles')}>
            <Group mt={6}>
              {ROLES.map((r) => (
                <Checkbox key={r} value={r} label={ROLE_LABEL[r]} />
              ))}
            </Group>
          </Checkbox.Group>
          <Group grow align="flex-end">
            <NumberInput label="Maximum open reviews" min={0} max={1000} allowDecimal={false} {...form.getInputProps('maxLoad')} />
            <Switch label="Active" description={isSelf ? 'Your own profile stays active' : 'Inactive profiles get no new work'} disabled={isSelf} {...form.getInputProps('active', { type: 'checkbox' })} />
          </Group>
          <ApiErrorAlert error={save.error} title="Not saved" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
