import { Stack, Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../shared/PageHeader';
import { RequireRole } from '../shared/RequireRole';
import { ReviewersTab } from './reviewers/ReviewersTab';
import { PoliciesTab } from './policies/PoliciesTab';
import { ConflictsTab } from './conflicts/ConflictsTab';
import { AllocationTab } from './allocation/AllocationTab';

const TABS = [
  { value: 'reviewers', label: 'Reviewers' },
  { value: 'policies', label: 'Review policies' },
  { value: 'conflicts', label: 'Conflicts of interest' },
  { value: 'allocation', label: 'Allocation' },
] as const;

export function SetupPage() {
  return (
    <RequireRole roles={['lead', 'admin']}>
      <Setup />
    </RequireRole>
  );
}

function Setup() {
  const [params, setParams] = useSearchParams();
  const tab = TABS.some((t) => t.value === params.get('tab')) ? params.get('tab')! : 'reviewers';
  return (
    <Stack gap="md" pb="xl">
      <PageHeader title="Panel setup" description="Who reviews, under which policy, who may not review whom, and who has what to do." />
      <Tabs value={tab} onChange={(v) => v && setParams({ tab: v }, { replace: true })} keepMounted={false}>
        <Tabs.List aria-label="Panel setup sections">
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="reviewers" pt="md">
          <ReviewersTab />
        </Tabs.Panel>
        <Tabs.Panel value="policies" pt="md">
          <PoliciesTab />
        </Tabs.Panel>
        <Tabs.Panel value="conflicts" pt="md">
          <ConflictsTab />
        </Tabs.Panel>
        <Tabs.Panel value="allocation" pt="md">
          <AllocationTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
