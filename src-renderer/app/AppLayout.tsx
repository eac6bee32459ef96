import { AppShell, Group, NavLink, Text, Title } from '@mantine/core';
import { Outlet, useLocation, useNavigate } from 'react-router';

const NAV = [{ to: '/', label: 'Queue' }];

export function AppLayout() {
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
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        {NAV.map((item) => (
          <NavLink
            key={item.to}
            label={item.label}
            href={`#${item.to}`}
            active={item.to === '/' ? location.pathname === '/' || location.pathname.startsWith('/portfolio') : location.pathname.startsWith(item.to)}
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
