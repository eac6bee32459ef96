import { AppShell, Group, NavLink, Text, Title } from '@mantine/core';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { ProfileGate } from '../features/profile/ProfileGate';
import { ProfileMenu } from '../features/profile/ProfileMenu';
import { useMe } from '../features/profile/ProfileProvider';
import { panelNav } from '../features/panel/routes';
import { calibrationNav } from '../features/calibration/routes';
import { creditNav } from '../features/credit/routes';
import type { NavItem } from './nav';

const NAV: NavItem[] = [
  { to: '/', label: 'Queue', match: (p) => p === '/' || p.startsWith('/portfolio') || p.startsWith('/review') },
  ...panelNav,
  ...calibrationNav,
  ...creditNav,
  { to: '/export', label: 'Export', match: (p) => p.startsWith('/export') },
];

export function AppLayout() {
  return (
    <ProfileGate>
      <Shell />
    </ProfileGate>
  );
}

function Shell() {
  const me = useMe();
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
        {NAV.filter((item) => !item.roles || item.roles.some((r) => me.roles.includes(r))).map((item) => (
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
