import { Button, Card, Group, NumberInput, Radio, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReviewPolicy } from '../../../../../src-shared/domain/panel/policy';
import { api } from '../../../../api/transport';
import { ApiErrorAlert } from '../../shared/ApiErrorAlert';
import { RESUBMISSION_LABEL } from './policyText';

type Values = ReviewPolicy & { changeNote: string };

export function PolicyForm({ credential, current, version }: { credential: string; current: ReviewPolicy; version: number }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: { ...current, changeNote: '' },
    validate: {
      changeNote: (v) => (v.trim().length >= 3 ? null : 'Say why the policy changes (it is kept with the version)'),
      tolerance: (v) => (Number.isInteger(v) && v >= 0 && v <= 10 ? null : 'A whole number from 0 to 10'),
      max_attempts: (v) => (Number.isInteger(v) && v >= 1 && v <= 10 ? null : 'A whole number from 1 to 10'),
    },
  });
  const save = useMutation({
    mutationFn: ({ changeNote, ...policy }: Values) => api.call('policy.set', { credential, policy, changeNote: changeNote.trim() }),
    onSuccess: async (v) => {
      notifications.show({ color: 'teal', message: `${credential}: policy version ${v.version} is in force.` });
      await queryClient.invalidateQueries();
    },
  });
  const { changeNote: _note, ...edited } = form.values;
  const changed = (Object.keys(current) as (keyof ReviewPolicy)[]).some((k) => edited[k] !== current[k]);
  const num = (v: string | number) => (typeof v === 'number' ? v : Number.NaN);
  return (
    <Card withBorder component="section" aria-labelledby="policy-title">
      <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack gap="md">
          <div>
            <Title order={3} size="h5" id="policy-title">
              Policy in force {version ? `(version ${version})` : '(defaults, never saved)'}
            </Title>
            <Text size="sm" c="dimmed">
              Applies to allocation and reconciliation from the moment it is saved; portfolios already decided keep their decision.
            </Text>
          </div>
          <Radio.Group
            label="Reviews per portfolio"
            description="Independent reviews before a decision"
            value={String(form.values.reviews_required)}
            onChange={(v) => form.setFieldValue('reviews_required', Number(v))}
          >
            <Group mt={6}>
              {['1', '2', '3'].map((n) => (
                <Radio key={n} value={n} label={n} />
              ))}
            </Group>
          </Radio.Group>
          <Group grow align="flex-start">
            <NumberInput
              label="Disagreement tolerance (levels)"
              description="Reviews disagree when outcomes differ or a criterion is further apart than this"
              min={0}
              max={10}
              allowDecimal={false}
              {...form.getInputProps('tolerance')}
              onChange={(v) => form.setFieldValue('tolerance', num(v))}
            />
            <NumberInput
              label="Maximum attempts"
              description="Resubmissions beyond this are refused at import"
              min={1}
              max={10}
              allowDecimal={false}
              {...form.getInputProps('max_attempts')}
              onChange={(v) => form.setFieldValue('max_attempts', num(v))}
            />
          </Group>
          <Radio.Group label="Final levels when reviews agree" {...form.getInputProps('final_levels')}>
            <Group mt={6}>
              <Radio value="lower" label="The lower of the two" />
              <Radio value="higher" label="The higher of the two" />
            </Group>
          </Radio.Group>
          <Radio.Group label="Reviewers of a resubmission" {...form.getInputProps('resubmission_reviewers')}>
            <Group mt={6}>
              {(Object.keys(RESUBMISSION_LABEL) as ReviewPolicy['resubmission_reviewers'][]).map((k) => (
                <Radio key={k} value={k} label={RESUBMISSION_LABEL[k]} />
              ))}
            </Group>
          </Radio.Group>
          <Stack gap="xs">
            <Switch label="Anonymous review" description="Candidate name, email, school and district hidden from reviewers and moderators" {...form.getInputProps('anonymous', { type: 'checkbox' })} />
            <Switch label="Same school is a conflict of interest" {...form.getInputProps('coi_same_school', { type: 'checkbox' })} />
            <Switch label="Same district is a conflict of interest" {...form.getInputProps('coi_same_district', { type: 'checkbox' })} />
            <Switch label="Only reviewers qualified by calibration" {...form.getInputProps('qualified_only', { type: 'checkbox' })} />
          </Stack>
          <Textarea label="Change note" required autosize minRows={2} placeholder="Why this change, e.g. “Second reviewer from Term 3”" {...form.getInputProps('changeNote')} />
          <ApiErrorAlert error={save.error} title="The policy was not saved" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => form.reset()} disabled={!changed && !form.values.changeNote}>
              Undo changes
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!changed}>
              Save as version {version + 1}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
