import { useState } from 'react';
import { Button, Group, MultiSelect, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Pathway } from '../../../../src-shared/domain/pathway';
import { api } from '../../../api/transport';
import { useApiQuery } from '../../../api/queries';
import { ErrorAlert } from '../shared/ui';

export const BLANK_PATHWAY: Pathway = {
  format: 'evidence-workbench/pathway@1',
  id: '',
  version: 1,
  description: '',
  target: { code: '', title: '', qualification: '', awarding_body: '' },
  rule: { credentials: [], require: { type: 'all_of' }, allow_double_counting: false },
  four_eyes: false,
};

const optional = (v: string | number) => (typeof v === 'number' ? v : undefined);

/**
 * Edits a pathway version. Saving a version nobody has applied under changes it; once used it is frozen and the
 * service saves the edit as the next version (the form says so).
 */
export function PathwayForm({ initial, isNew, frozen, onSaved, onCancel }: { initial: Pathway; isNew: boolean; frozen: boolean; onSaved(p: Pathway, message: string): void; onCancel(): void }) {
  const [p, setP] = useState<Pathway>(initial);
  const catalogue = useApiQuery('credit.catalogue', {});
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () => api.call('credit.savePathway', { pathway: p }),
    onSuccess: (r) => {
      void queryClient.invalidateQueries();
      const v = r.version.pathway.version;
      onSaved(
        r.version.pathway,
        r.result === 'new_version'
          ? `Saved as version ${v}: version ${v - 1} is in use and stays as it was.`
          : r.result === 'unchanged'
            ? 'Nothing changed.'
            : r.result === 'created'
              ? `Pathway created (version ${v}).`
              : `Version ${v} updated.`,
      );
    },
  });
  const rule = p.rule;
  const setRule = (patch: Partial<Pathway['rule']>) => setP({ ...p, rule: { ...rule, ...patch } });
  const setTarget = (patch: Partial<Pathway['target']>) => setP({ ...p, target: { ...p.target, ...patch } });
  const options = (catalogue.data ?? []).map((c) => ({ value: c.code, label: `${c.title} (${c.code}, ${c.creditPoints} pts, ${c.hours ?? 0} h)` }));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      aria-label="Pathway"
    >
      <Stack gap="sm">
        {frozen && (
          <Text size="sm" c="orange.8" fw={600}>
            Version {initial.version} is in use by an application: saving makes version {initial.version + 1}; applications keep the version they were made under.
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Pathway id" description="Letters, digits, . _ -" required disabled={!isNew} value={p.id} onChange={(e) => setP({ ...p, id: e.currentTarget.value.trim() })} />
          <TextInput label="Award code" description='e.g. "EDUC 581"' required value={p.target.code} onChange={(e) => setTarget({ code: e.currentTarget.value })} />
          <TextInput label="Award title" required value={p.target.title} onChange={(e) => setTarget({ title: e.currentTarget.value })} />
          <TextInput label="Qualification" value={p.target.qualification} onChange={(e) => setTarget({ qualification: e.currentTarget.value })} />
          <TextInput label="Awarding body" value={p.target.awarding_body} onChange={(e) => setTarget({ awarding_body: e.currentTarget.value })} />
          <Group grow>
            <NumberInput label="Award points" min={0} value={p.target.points ?? ''} onChange={(v) => setTarget({ points: optional(v) })} />
            <NumberInput label="Award hours" min={0} value={p.target.hours ?? ''} onChange={(v) => setTarget({ hours: optional(v) })} />
          </Group>
        </SimpleGrid>
        <Textarea label="Description" autosize minRows={2} value={p.description} onChange={(e) => setP({ ...p, description: e.currentTarget.value })} />
        <MultiSelect label="Credentials this pathway recognises" required data={options} value={rule.credentials} onChange={(v) => setRule({ credentials: v })} searchable />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="require-label">
            How many of them
          </Text>
          <Group>
            <SegmentedControl
              aria-labelledby="require-label"
              value={rule.require.type}
              onChange={(v) => setRule({ require: v === 'n_of' ? { type: 'n_of', n: Math.max(1, Math.min(2, rule.credentials.length)) } : { type: v as 'all_of' | 'any' } })}
              data={[
                { value: 'all_of', label: 'All of them' },
                { value: 'n_of', label: 'n of them' },
                { value: 'any', label: 'Any (points or hours decide)' },
              ]}
            />
            {rule.require.type === 'n_of' && (
              <NumberInput aria-label="n" w={90} min={1} max={Math.max(1, rule.credentials.length)} value={rule.require.n} onChange={(v) => setRule({ require: { type: 'n_of', n: Number(v) || 1 } })} />
            )}
          </Group>
        </Stack>
        <Group grow>
          <NumberInput label="At least this many points" min={0} value={rule.min_points ?? ''} onChange={(v) => setRule({ min_points: optional(v) || undefined })} />
          <NumberInput label="At least this many hours" min={0} value={rule.min_hours ?? ''} onChange={(v) => setRule({ min_hours: optional(v) || undefined })} />
        </Group>
        <Switch
          label="Require a post-test result"
          checked={rule.post_test !== undefined}
          onChange={(e) => setRule({ post_test: e.currentTarget.checked ? { min: 75 } : undefined })}
        />
        {rule.post_test && (
          <Group grow>
            <NumberInput label="Post-test at least (%)" min={0} max={100} value={rule.post_test.min} onChange={(v) => setRule({ post_test: { ...rule.post_test!, min: Number(v) || 0 } })} />
            <Select
              label="From credential"
              clearable
              placeholder="Any counted credential"
              data={options.filter((o) => rule.credentials.includes(o.value))}
              value={rule.post_test.credential ?? null}
              onChange={(v) => setRule({ post_test: { min: rule.post_test!.min, ...(v ? { credential: v } : {}) } })}
            />
          </Group>
        )}
        <Switch
          label="A credential already counted toward another approved award may count again"
          checked={rule.allow_double_counting}
          onChange={(e) => setRule({ allow_double_counting: e.currentTarget.checked })}
        />
        <Switch label="Four eyes: approvals need a second, different approver" checked={p.four_eyes} onChange={(e) => setP({ ...p, four_eyes: e.currentTarget.checked })} />
        <TextInput label="Change note" value={p.change_note ?? ''} onChange={(e) => setP({ ...p, change_note: e.currentTarget.value || undefined })} />
        <ErrorAlert error={save.error} title="The pathway was not saved" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {frozen ? `Save as version ${initial.version + 1}` : 'Save'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
