import { useEffect, useState } from 'react';
import { AppShell, Burger, Group, NavLink, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
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

/**
 * Below this width (a 1280 or 1366 px laptop) the navigation starts folded away behind the menu button, so the review
 * page's viewer keeps its width; the button shows it again, and wider windows start with it shown.
 */
export const WIDE_ENOUGH_FOR_NAV = '(min-width: 1400px)';

/** Whether the side navigation is shown: the window's default until the person toggles it, reset when the width class changes. */
function useNavbar(): [boolean, () => void] {
  const wide = useMediaQuery(WIDE_ENOUGH_FOR_NAV, window.matchMedia(WIDE_ENOUGH_FOR_NAV).matches, { getInitialValueInEffect: false });
  const [chosen, setChosen] = useState<boolean | null>(null);
  useEffect(() => setChosen(null), [wide]);
  const opened = chosen ?? wide;
  return [opened, () => setChosen(!opened)];
}

function Shell() {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const [navOpened, toggleNav] = useNavbar();
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 180, breakpoint: 'sm', collapsed: { mobile: !navOpened, desktop: !navOpened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <Burger
              opened={navOpened}
              onClick={toggleNav}
              size="sm"
              aria-label={navOpened ? 'Hide navigation' : 'Show navigation'}
              aria-expanded={navOpened}
              aria-controls="main-navigation"
              data-testid="nav-toggle"
            />
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
      {/* Folded away it is off-screen: inert, so Tab never lands on a link nobody can see. */}
      <AppShell.Navbar p="xs" aria-label="Main" id="main-navigation" inert={!navOpened}>
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
