import '@mantine/charts/styles.css';
import { Button, Center, Grid, Loader, Stack } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useApiQuery } from '../../../api/queries';
import { useMe } from '../../profile/ProfileProvider';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { PageHeader } from '../shared/PageHeader';
import { RequireRole, hasRole } from '../shared/RequireRole';
import { StatCards } from './StatCards';
import { WaitingCard } from './WaitingCard';
import { ReviewerLoadCard } from './ReviewerLoadCard';
import { DisagreementCard } from './DisagreementCard';
import { ThroughputCard } from './ThroughputCard';
import { TimeOnTaskCard } from './TimeOnTaskCard';

export function DashboardPage() {
  return (
    <RequireRole roles={['lead', 'moderator', 'admin']}>
      <Dashboard />
    </RequireRole>
  );
}

function Dashboard() {
  const me = useMe();
  const navigate = useNavigate();
  const dashboard = useApiQuery('panel.dashboard', {}, { refetchInterval: 60_000 });
  const go = (to: string) => (e: React.MouseEvent) => {
    e.preventDefault();
    navigate(to);
  };
  return (
    <Stack gap="md" pb="xl">
      <PageHeader
        title="Panel dashboard"
        description="Where portfolios wait, who carries the load, where reviewers disagree, and the pace of decisions."
        actions={
          <>
            <Button component="a" href="#/calibration/production" variant="light" onClick={go('/calibration/production')}>
              Production agreement report
            </Button>
            {hasRole(me.roles, 'lead', 'admin') && (
              <Button component="a" href="#/panel/setup" variant="default" onClick={go('/panel/setup')}>
                Panel setup
              </Button>
            )}
          </>
        }
      />
      {dashboard.error && <ApiErrorAlert error={dashboard.error} title="The dashboard could not be loaded" />}
      {!dashboard.data && !dashboard.error && (
        <Center h={240}>
          <Loader aria-label="Loading the dashboard" />
        </Center>
      )}
      {dashboard.data && (
        <>
          <StatCards counts={dashboard.data.counts} />
          <Grid gap="md" align="stretch">
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <WaitingCard waiting={dashboard.data.waiting} overdueDays={dashboard.data.overdueDays} canEdit={hasRole(me.roles, 'lead', 'admin')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <ReviewerLoadCard reviewers={dashboard.data.reviewers} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <ThroughputCard throughput={dashboard.data.throughput} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <DisagreementCard disagreement={dashboard.data.disagreement} />
            </Grid.Col>
            <Grid.Col span={12}>
              <TimeOnTaskCard reviewers={dashboard.data.reviewers} />
            </Grid.Col>
          </Grid>
        </>
      )}
    </Stack>
  );
}
