import { useState } from 'react';
import { Alert, Button, Card, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApplicationView } from '../../../../src-shared/contracts/credit';
import { pathwayLabel } from '../../../../src-shared/domain/pathway';
import { api } from '../../../api/transport';
import { useDownload } from '../shared/download';
import { day } from '../shared/format';
import { ErrorAlert } from '../shared/ui';
import { ApiErrorAlert } from '../../panel/shared/ApiErrorAlert';

/** Approve or decline with reasons; with four eyes, says who approved first and that someone else must confirm. */
export function DecisionPanel({ app }: { app: ApplicationView }) {
  const [reasons, setReasons] = useState('');
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'decline') => api.call('credit.decide', { applicationId: app.id, decision, reasons, revision: app.revision }),
    onSuccess: () => {
      setReasons('');
      void queryClient.invalidateQueries();
    },
  });
  const letter = useDownload((applicationId: string) => api.call('credit.letter', { applicationId }));
  const open = app.status === 'pending' || app.status === 'awaiting_second';
  const label = pathwayLabel(app.pathway);
  const confirm = (decision: 'approve' | 'decline') =>
    modals.openConfirmModal({
      title: decision === 'approve' ? `Approve ${app.pathway.target.code} for ${app.candidate.name}?` : `Decline ${app.pathway.target.code} for ${app.candidate.name}?`,
      children: (
        <Text size="sm">
          {decision === 'approve'
            ? app.pathway.four_eyes && app.status === 'pending'
              ? 'This is the first of two approvals: a second, different approver must confirm before the credit is awarded.'
              : `${label} will be awarded and the credentials counted will not count toward another award${app.pathway.rule.allow_double_counting ? ' that forbids it' : ''}.`
            : 'The application will be closed with your reasons; the candidate can apply again later.'}
        </Text>
      ),
      labels: { confirm: decision === 'approve' ? 'Approve' : 'Decline', cancel: 'Cancel' },
      confirmProps: { color: decision === 'approve' ? 'teal' : 'red' },
      onConfirm: () => decide.mutate(decision),
    });
  return (
    <Card withBorder component="section" aria-labelledby="decision-title" data-testid="decision-panel">
      <Stack gap="sm">
        <Title order={3} size="h4" id="decision-title">
          Decision
        </Title>
        {app.pathway.four_eyes && (
          <Text size="sm" c="dimmed">
            This pathway needs two approvers (four eyes): a second, different approver confirms every approval.
          </Text>
        )}
        {app.approvals.length > 0 && (
          <List size="sm" spacing={4} aria-label="Approvals" data-testid="approvals">
            {app.approvals.map((a) => (
              <List.Item key={a.step}>
                <Text size="sm" span fw={600}>
                  {a.decision === 'approve' ? (app.approvals.length > 1 || app.status === 'awaiting_second' ? `Approval ${a.step}` : 'Approved') : 'Declined'}
                </Text>{' '}
                by {a.approverName}, {day(a.at)}
                {a.reasons && (
                  <Text size="sm" c="dimmed">
                    {a.reasons}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        )}
        {open && (app.actions.approve || app.actions.decline) && (
          <>
            <Textarea
              label="Reasons"
              description={app.actions.approve ? 'Recorded with the decision and printed on the letter; required to decline.' : 'Required to decline.'}
              autosize
              minRows={3}
              value={reasons}
              onChange={(e) => setReasons(e.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button color="red" variant="light" disabled={!app.actions.decline || reasons.trim().length < 3} onClick={() => confirm('decline')} loading={decide.isPending && decide.variables === 'decline'}>
                Decline
              </Button>
              <Button color="teal" disabled={!app.actions.approve} onClick={() => confirm('approve')} loading={decide.isPending && decide.variables === 'approve'}>
                {app.status === 'awaiting_second' ? 'Approve (second approver)' : 'Approve'}
              </Button>
            </Group>
          </>
        )}
        {open && app.actions.why && (
          <Alert color="gray" variant="light" data-testid="decision-why">
            {app.actions.why[0]!.toUpperCase() + app.actions.why.slice(1)}.
          </Alert>
        )}
        <ApiErrorAlert
          error={decide.error}
          title="The decision was not recorded"
          onReload={() => {
            decide.reset();
            void queryClient.invalidateQueries();
          }}
        />
        {!open && (
          <>
            <Text size="sm" data-testid="decision-outcome">
              {app.status === 'approved' ? `Approved ${day(app.decidedAt!)}: ${label}.` : `Declined ${day(app.decidedAt!)}.`}
            </Text>
            <Button variant="light" onClick={() => letter.mutate(app.id)} loading={letter.isPending}>
              Download decision letter (PDF)
            </Button>
            <ErrorAlert error={letter.error} title="The letter could not be made" />
          </>
        )}
      </Stack>
    </Card>
  );
}
