import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, List, Select, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { pathwayLabel, type Pathway } from '../../../../src-shared/domain/pathway';
import { api } from '../../../api/transport';
import { useApiQuery } from '../../../api/queries';
import { useMe } from '../../profile/ProfileProvider';
import { useDownload } from '../shared/download';
import { day, num } from '../shared/format';
import { ErrorAlert, Loading, PageHeader, RequireCreditRole } from '../shared/ui';
import { BLANK_PATHWAY, PathwayForm } from './PathwayForm';

export function PathwayPage() {
  return (
    <RequireCreditRole>
      <PathwayView />
    </RequireCreditRole>
  );
}

/** The rule in sentences, as an approver would explain it. */
export function ruleSentences(p: Pathway): string[] {
  const r = p.rule;
  const list = r.credentials.join(', ');
  const out = [
    r.require.type === 'all_of'
      ? `All of: ${list}.`
      : r.require.type === 'n_of'
        ? `At least ${r.require.n} of: ${list}.`
        : `Any of: ${list}, until the minimum below is reached.`,
  ];
  if (r.min_points !== undefined) out.push(`At least ${num(r.min_points)} credit points counted.`);
  if (r.min_hours !== undefined) out.push(`At least ${num(r.min_hours)} hours counted.`);
  if (r.post_test) out.push(`A post-test of ${num(r.post_test.min)} % or better${r.post_test.credential ? ` in ${r.post_test.credential}` : ' in a counted credential'}.`);
  out.push('Each credential must still count on the application date (the catalogue says for how many years a pass counts).');
  out.push(r.allow_double_counting ? 'Credentials counted toward another award may count again.' : 'A credential already counted toward another approved award cannot count again.');
  out.push(p.four_eyes ? 'Approvals need two different approvers.' : 'One approver decides.');
  return out;
}

function PathwayView() {
  const { id = 'new' } = useParams();
  const isNew = id === 'new';
  const [version, setVersion] = useState<number | undefined>(undefined);
  const [editing, setEditing] = useState(isNew);
  const [message, setMessage] = useState<string | null>(null);
  const me = useMe();
  const canEdit = me.roles.includes('approver') || me.roles.includes('admin');
  const navigate = useNavigate();
  const q = useApiQuery('credit.pathway', { id, version }, { enabled: !isNew });
  const exportFile = useDownload((v: { id: string; version: number }) => api.call('credit.exportPathway', v));
  if (isNew)
    return (
      <Stack gap="md" maw={900}>
        <PageHeader title="New pathway" />
        <Card withBorder>
          <PathwayForm
            initial={BLANK_PATHWAY}
            isNew
            frozen={false}
            onCancel={() => navigate('/credit/pathways')}
            onSaved={(p, m) => {
              setMessage(m);
              navigate(`/credit/pathways/${p.id}`);
            }}
          />
        </Card>
      </Stack>
    );
  if (q.error) return <ErrorAlert error={q.error} title={`Pathway ${id} could not be loaded`} />;
  if (!q.data) return <Loading label="Loading the pathway" />;
  const { current, versions } = q.data;
  const p = current.pathway;
  const latest = versions.at(-1)!.pathway.version === p.version;
  return (
    <Stack gap="md" maw={980} pb="xl">
      <PageHeader
        title={pathwayLabel(p)}
        description={[p.target.qualification, p.target.awarding_body, p.target.points !== undefined ? `${num(p.target.points)} points` : '', p.target.hours !== undefined ? `${num(p.target.hours)} hours` : '']
          .filter(Boolean)
          .join(' · ')}
        actions={
          <>
            <Select
              aria-label="Version"
              w={210}
              value={String(p.version)}
              data={versions.map((v) => ({ value: String(v.pathway.version), label: `Version ${v.pathway.version}${v.frozen ? ' (in use)' : ''}` }))}
              onChange={(v) => {
                setVersion(v ? Number(v) : undefined);
                setEditing(false);
              }}
            />
            <Button variant="default" onClick={() => exportFile.mutate({ id: p.id, version: p.version })} loading={exportFile.isPending}>
              Export JSON
            </Button>
            {canEdit && latest && !editing && <Button onClick={() => setEditing(true)}>Edit</Button>}
          </>
        }
      />
      {message && (
        <Alert color="teal" variant="light" withCloseButton onClose={() => setMessage(null)} closeButtonLabel="Dismiss">
          {message}
        </Alert>
      )}
      <ErrorAlert error={exportFile.error} />
      {editing ? (
        <Card withBorder>
          <PathwayForm
            key={`${p.id}-${p.version}`}
            initial={p}
            isNew={false}
            frozen={current.frozen}
            onCancel={() => setEditing(false)}
            onSaved={(saved, m) => {
              setMessage(m);
              setEditing(false);
              setVersion(saved.version);
            }}
          />
        </Card>
      ) : (
        <Card withBorder component="section" aria-labelledby="rule-title">
          <Stack gap="xs">
            <Group gap="xs">
              <Title order={3} size="h4" id="rule-title">
                Rule, version {p.version}
              </Title>
              {current.frozen ? (
                <Badge color="orange" variant="light">
                  In use by {current.applications} application{current.applications === 1 ? '' : 's'}: frozen
                </Badge>
              ) : (
                <Badge color="gray" variant="light">
                  Not used yet: editable
                </Badge>
              )}
            </Group>
            {p.description && <Text size="sm">{p.description}</Text>}
            <List size="sm" spacing={4} data-testid="pathway-rule">
              {ruleSentences(p).map((s) => (
                <List.Item key={s}>{s}</List.Item>
              ))}
            </List>
            <Text size="xs" c="dimmed">
              Version {p.version} created {day(current.createdAt)} by {current.createdBy}
              {p.change_note ? `: ${p.change_note}` : ''}
            </Text>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
