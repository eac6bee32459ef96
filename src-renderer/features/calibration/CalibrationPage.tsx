import { Button, Stack, Tabs } from '@mantine/core';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../panel/shared/PageHeader';
import { RequireRole } from '../panel/shared/RequireRole';
import { AnchorsTab } from './anchors/AnchorsTab';
import { QualificationTab } from './qualification/QualificationTab';
import { RoundsTab } from './rounds/RoundsTab';

const TABS = [
  { value: 'rounds', label: 'Rounds' },
  { value: 'anchors', label: 'Anchors' },
  { value: 'qualification', label: 'Qualification' },
] as const;

function Calibration() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = TABS.some((t) => t.value === params.get('tab')) ? params.get('tab')! : 'rounds';
  return (
    <Stack gap="md" pb="xl">
      <PageHeader
        title="Calibration"
        description="Anchor portfolios with reference levels, rounds in which reviewers score them blind, and who is qualified to review."
        actions={
          <>
            <Button variant="default" onClick={() => navigate('/calibration/production')}>
              Agreement in production
            </Button>
            <Button variant="default" onClick={() => navigate('/rubrics')}>
              Rubrics
            </Button>
          </>
        }
      />
      <Tabs value={tab} onChange={(v) => v && setParams({ tab: v }, { replace: true })} keepMounted={false}>
        <Tabs.List aria-label="Calibration sections">
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="rounds" pt="md">
          <RoundsTab />
        </Tabs.Panel>
        <Tabs.Panel value="anchors" pt="md">
          <AnchorsTab />
        </Tabs.Panel>
        <Tabs.Panel value="qualification" pt="md">
          <QualificationTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

export function CalibrationPage() {
  return (
    <RequireRole roles={['lead', 'admin']}>
      <Calibration />
    </RequireRole>
  );
}
