import { AppShell, Group, NavLink, Text, Title } from '@mantine/core';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { ProfileGate } from '../features/profile/ProfileGate';
import { ProfileMenu } from '../features/profile/ProfileMenu';

const NAV = [
  { to: '/', label: 'Queue', match: (p: string) => p === '/' || p.startsWith('/portfolio') || p.startsWith('/review') },
  { to: '/export', label: 'Export', match: (p: string) => p.startsWith('/export') },
];

export function AppLayout() {
  return (
    <ProfileGate>
      <Shell />
    </ProfileGate>
  );
}

function Shell() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 200, breakpoint: 'sm' }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <Title order={1} size="h4">
              Evidence Workbench
            </Title>
            <Text size="sm" c="dimmed">
              portfolio review
            </Text>
          </Group>
          <ProfileMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        {NAV.map((item) => (
          <NavLink
            key={item.to}
            label={item.label}
            href={`#${item.to}`}
            active={item.match(location.pathname)}
            onClick={(e) => {
              e.preventDefault();
              navigate(item.to);
            }}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
