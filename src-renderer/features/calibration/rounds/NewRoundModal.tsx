import { useMemo, useState } from 'react';
import { Button, Checkbox, Group, Modal, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { addDays, format } from 'date-fns';
import { useNavigate } from 'react-router';
import { useApiQuery } from '../../../api/queries';
import { api } from '../../../api/transport';
import { ApiErrorAlert } from '../../panel/shared/ApiErrorAlert';
import { dayEnd, dayStart } from '../shared/format';

/** A new round: name, rubric version, dates, anchors (with complete references) and reviewers. */
export function NewRoundModal({ onClose }: { onClose(): void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const anchors = useApiQuery('calibration.anchors.list', {});
  const reviewers = useApiQuery('reviewers.list', {});
  const [name, setName] = useState('');
  const [rubric, setRubric] = useState<string | null>(null);
  const [opens, setOpens] = useState(format(new Date(), 'yyyy-MM-dd'));
  const [closes, setCloses] = useState(format(addDays(new Date(), 14), 'yyyy-MM-dd'));
  const [chosen, setChosen] = useState<string[]>([]);
  const [people, setPeople] = useState<string[]>([]);

  const rubrics = useMemo(() => {
    const seen = new Map<string, string>();
    for (const a of anchors.data ?? []) seen.set(`${a.rubric.id}@${a.rubric.version}`, `${a.rubric.title} v${a.rubric.version}`);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [anchors.data]);
  const forRubric = (anchors.data ?? []).filter((a) => `${a.rubric.id}@${a.rubric.version}` === rubric);
  const create = useMutation({
    mutationFn: () => {
      const [rubricId, version] = rubric!.split('@');
      return api.call('calibration.rounds.create', {
        name,
        rubricId: rubricId!,
        rubricVersion: Number(version),
        opensAt: dayStart(opens),
        closesAt: dayEnd(closes),
        anchors: chosen,
        reviewers: people,
      });
    },
    onSuccess: async (r) => {
      notifications.show({ color: 'teal', message: `Round “${r.name}” created: ${r.expected} anchor scores to come.` });
      await queryClient.invalidateQueries();
      onClose();
      navigate(`/calibration/rounds/${r.id}`);
    },
  });
  const ready = name.trim().length >= 3 && rubric && chosen.length > 0 && people.length > 0 && opens && closes && closes >= opens;
  return (
    <Modal opened onClose={onClose} title="New calibration round" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) create.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput label="Name" description="Unique, e.g. “CST-8 calibration · Term 4 2026”" required value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
          <Select
            label="Rubric version"
            description="Rounds score anchors with one rubric version"
            required
            data={rubrics}
            value={rubric}
            onChange={(v) => {
              setRubric(v);
              setChosen([]);
            }}
            placeholder={rubrics.length ? 'Choose' : 'Make an anchor first'}
          />
          <Group grow>
            <TextInput type="date" label="Opens" required value={opens} onChange={(e) => setOpens(e.currentTarget.value)} />
            <TextInput type="date" label="Closes (end of day)" required value={closes} min={opens} onChange={(e) => setCloses(e.currentTarget.value)} error={closes < opens ? 'Closes before it opens' : undefined} />
          </Group>
          {rubric && (
            <Checkbox.Group label="Anchors" description="Only anchors with a reference on every criterion can be used" value={chosen} onChange={setChosen} required>
              <Stack gap={4} mt={6}>
                {forRubric.map((a) => {
                  const complete = a.referenced === a.criteria;
                  return (
                    <Checkbox
                      key={a.portfolioId}
                      value={a.portfolioId}
                      disabled={!complete}
                      label={`${a.portfolioId} · ${a.row.candidate.name}`}
                      description={complete ? (a.rounds.length ? `also in ${a.rounds.map((r) => r.name).join(', ')}` : a.note || undefined) : `reference set for ${a.referenced} of ${a.criteria} criteria`}
                    />
                  );
                })}
              </Stack>
            </Checkbox.Group>
          )}
          <MultiSelect
            label="Reviewers"
            description="A reviewer scores an anchor only once: after submitting they see its reference"
            required
            searchable
            data={(reviewers.data ?? []).filter((r) => r.active && r.roles.includes('reviewer')).map((r) => ({ value: r.id, label: `${r.name} (${r.school || r.id})` }))}
            value={people}
            onChange={setPeople}
          />
          <ApiErrorAlert error={create.error} title="The round was not created" />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {chosen.length} anchors × {people.length} reviewers = {chosen.length * people.length} scores
            </Text>
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" disabled={!ready} loading={create.isPending}>
                Create round
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
