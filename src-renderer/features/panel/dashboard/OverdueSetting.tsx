import { useState } from 'react';
import { Button, Group, NumberInput, Popover, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/transport';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';

/** The target a portfolio should be decided within; leads and admins change it for the whole panel. */
export function OverdueSetting({ days, canEdit }: { days: number; canEdit: boolean }) {
  const [opened, setOpened] = useState(false);
  const [value, setValue] = useState<number | string>(days);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (d: number) => api.call('panel.setOverdueDays', { days: d }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['panel.dashboard'] });
      setOpened(false);
    },
  });
  if (!canEdit)
    return (
      <Text size="xs" c="dimmed">
        Target {days} days
      </Text>
    );
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" withArrow trapFocus returnFocus>
      <Popover.Target>
        <Button size="compact-sm" variant="default" onClick={() => (setValue(days), setOpened((o) => !o))} aria-label={`Target ${days} days: change the target`}>
          Target {days} days
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (typeof value === 'number') save.mutate(value);
          }}
        >
          <Stack gap="xs" w={240}>
            <NumberInput label="Decide within (days)" description="Longer waits are flagged overdue" min={1} max={365} value={value} onChange={setValue} data-autofocus />
            <ApiErrorAlert error={save.error} />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" size="xs" onClick={() => setOpened(false)}>
                Cancel
              </Button>
              <Button type="submit" size="xs" loading={save.isPending} disabled={typeof value !== 'number'}>
                Save
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
