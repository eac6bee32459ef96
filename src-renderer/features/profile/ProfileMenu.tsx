import { Avatar, Button, Group, Menu, Text } from '@mantine/core';
import { ROLE_LABEL } from '../../../src-shared/domain/roles';
import { useMe, useProfile } from './ProfileProvider';

export function ProfileMenu() {
  const me = useMe();
  const { switchTo } = useProfile();
  const initials = me.name
    .split(/\s+/)
    .map((w) => w[0])
    .slice(0, 2)
    .join('');
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="subtle" color="gray" data-testid="profile-menu">
          <Group gap="xs">
            <Avatar size="sm" color="teal">
              {initials}
            </Avatar>
            <div style={{ textAlign: 'left' }}>
              <Text size="sm" fw={600} lh={1.1}>
                {me.name}
              </Text>
              <Text size="xs" c="dimmed" lh={1.1}>
                {me.roles.map((r) => ROLE_LABEL[r]).join(', ')}
              </Text>
            </div>
          </Group>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.email}</Menu.Label>
        <Menu.Item onClick={() => switchTo(null)}>Switch profile…</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
