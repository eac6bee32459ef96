import { useMemo, useRef, useState, type FocusEvent } from 'react';
import { Alert, Anchor as Link, Badge, Box, Breadcrumbs, Button, Card, Grid, Group, List, Loader, MultiSelect, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate, useParams } from 'react-router';
import type { RubricFamily } from '../../../src-shared/contracts/calibration';
import type { Rubric } from '../../../src-shared/domain/rubric';
import { useApiQuery } from '../../api/queries';
import { api } from '../../api/transport';
import { ApiErrorAlert } from '../panel/shared/ApiErrorAlert';
import { RequireRole } from '../panel/shared/RequireRole';
import { CriterionEditor } from './editor/CriterionEditor';
import { RuleEditor } from './editor/RuleEditor';
import { RubricPreview } from './editor/RubricPreview';
import { blankCriterion, blankDraft, draftFromRubric, toRubricInput, validate, type Draft } from './editor/draft';

interface EditorProps {
  initial: Draft;
  /** The version the draft started from (absent for a new rubric). */
  base: { version: number; frozen: boolean; latest: number } | null;
  family: RubricFamily | null;
}

function Editor({ initial, base, family }: EditorProps) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(initial);
  const [note, setNote] = useState('');
  const [adopt, setAdopt] = useState<string[]>([]);
  const check = useMemo(() => validate(draft), [draft]);
  // Problems show at a field once the lead has left it, and all of them once they try to save: never on a fresh form.
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [saveTried, setSaveTried] = useState(false);
  const shown = useMemo(() => (saveTried ? check.byPath : new Map([...check.byPath].filter(([path]) => touched.has(path)))), [check, touched, saveTried]);
  const problemsRef = useRef<HTMLDivElement>(null);
  const onBlurCapture = (e: FocusEvent) => {
    const path = (e.target as HTMLElement).dataset.path;
    if (path && !touched.has(path)) setTouched(new Set([...touched, path]));
  };
  const lastValid = useRef<Rubric | null>(check.rubric);
  if (check.rubric) lastValid.current = check.rubric;
  const isNew = base === null;
  // Saving edits in place only the latest version while nobody uses it; anything else is the next version.
  const inPlace = !isNew && !base.frozen && base.version === base.latest;
  const target = isNew ? 1 : inPlace ? base.version : base.latest + 1;
  const needsNote = !isNew && !inPlace;
  const credentialOptions = [...new Set(family?.versions.flatMap((v) => v.usage.credentials) ?? [])];
  const save = useMutation({
    mutationFn: () => api.call('rubrics.save', { rubric: toRubricInput(draft), ...(isNew ? {} : { baseVersion: base.version }), changeNote: note, adoptFor: adopt }),
    onSuccess: async (r) => {
      notifications.show({ color: 'teal', message: r.created ? `${r.id} version ${r.version} created.` : `${r.id} version ${r.version} saved.` });
      await queryClient.invalidateQueries();
      navigate(`/rubrics/${encodeURIComponent(r.id)}/${r.version}/edit`, { replace: true });
    },
  });
  const patch = (p: Partial<Draft>) => setDraft((d) => ({ ...d, ...p }));
  const setCriterion = (i: number, c: Draft['criteria'][number]) => patch({ criteria: draft.criteria.map((x, j) => (j === i ? c : x)) });
  const move = (i: number, d: number) => {
    const criteria = [...draft.criteria];
    const [c] = criteria.splice(i, 1);
    criteria.splice(i + d, 0, c!);
    patch({ criteria });
  };
  const noteMissing = needsNote && note.trim().length < 3;
  const trySave = () => {
    setSaveTried(true);
    if (check.all.length > 0 || noteMissing) {
      // The list of problems is rendered by this very click: focus it once it is there.
      requestAnimationFrame(() => (problemsRef.current ?? document.querySelector<HTMLElement>('[data-path="note"]'))?.focus());
      return;
    }
    save.mutate();
  };
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack gap="md" onBlurCapture={onBlurCapture}>
          <Card withBorder component="section" aria-label="Rubric">
            <Group align="flex-start" wrap="nowrap">
              <TextInput label="Title" required value={draft.title} onChange={(e) => patch({ title: e.currentTarget.value })} error={shown.get('title')} data-path="title" style={{ flex: 1 }} />
              <TextInput
                label="Rubric id"
                description={isNew ? 'Letters, digits, . _ - ; credentials refer to it' : 'Fixed: versions share the id'}
                required
                value={draft.id}
                readOnly={!isNew}
                onChange={(e) => patch({ id: e.currentTarget.value })}
                error={shown.get('id')}
                data-path="id"
                w={220}
              />
            </Group>
          </Card>
          {draft.criteria.map((c, i) => (
            <CriterionEditor
              key={c.key}
              index={i}
              count={draft.criteria.length}
              criterion={c}
              errors={shown}
              onChange={(next) => setCriterion(i, next)}
              onMove={(d) => move(i, d)}
              onRemove={() => patch({ criteria: draft.criteria.filter((_, j) => j !== i) })}
            />
          ))}
          <Group>
            <Button variant="light" onClick={() => patch({ criteria: [...draft.criteria, blankCriterion(draft.criteria.length + 1)] })}>
              Add criterion
            </Button>
          </Group>
          <RuleEditor draft={draft} errors={shown} onChange={patch} />
          <Card withBorder component="section" aria-labelledby="save-title">
            <Stack gap="xs">
              <Title order={3} size="h6" id="save-title">
                Save
              </Title>
              {!isNew && base.frozen && (
                <Alert color="blue" variant="light" p="xs">
                  Version {base.version} is in use (portfolios, reviews or calibration rounds were scored with it), so it is frozen: saving creates version {target}. Portfolios keep
                  the version they were scored with.
                </Alert>
              )}
              {!isNew && !base.frozen && base.version !== base.latest && (
                <Alert color="blue" variant="light" p="xs">
                  Saving from version {base.version} creates version {target} (version {base.latest} is the latest).
                </Alert>
              )}
              {needsNote && (
                <Textarea
                  label="Change note"
                  description="Kept with the version: what changed and why"
                  required
                  autosize
                  minRows={2}
                  value={note}
                  onChange={(e) => setNote(e.currentTarget.value)}
                  error={noteMissing && (saveTried || touched.has('note')) ? 'A few words at least' : undefined}
                  data-path="note"
                />
              )}
              {credentialOptions.length > 0 && (
                <MultiSelect
                  label="Assess new portfolios of these credentials with the saved version"
                  description="Optional; otherwise credentials stay on the version they use now"
                  data={credentialOptions}
                  value={adopt}
                  onChange={setAdopt}
                />
              )}
              {saveTried && check.all.length > 0 && (
                <Alert
                  ref={problemsRef}
                  tabIndex={-1}
                  color="red"
                  variant="light"
                  title={`${check.all.length} problem${check.all.length > 1 ? 's' : ''} to fix before saving`}
                  data-testid="rubric-problems"
                >
                  <List size="sm" spacing={2}>
                    {check.all.map((p) => (
                      <List.Item key={`${p.path}:${p.message}`}>{p.message}</List.Item>
                    ))}
                  </List>
                </Alert>
              )}
              <ApiErrorAlert error={save.error} title="The rubric was not saved" />
              <Group justify="flex-end">
                <Button onClick={trySave} loading={save.isPending}>
                  {isNew ? 'Create rubric' : inPlace ? `Save version ${target}` : `Save as version ${target}`}
                </Button>
              </Group>
            </Stack>
          </Card>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Box pos="sticky" top={70}>
          <Card withBorder>
            <RubricPreview rubric={lastValid.current} stale={!check.rubric} />
          </Card>
        </Box>
      </Grid.Col>
    </Grid>
  );
}

/** Editing an existing version: the editor starts from it and knows whether it is frozen. */
function ExistingVersion({ id, version }: { id: string; version: number }) {
  const loaded = useApiQuery('rubrics.get', { id, version }, { staleTime: Infinity });
  const families = useApiQuery('rubrics.list', {});
  if (loaded.error) return <ApiErrorAlert error={loaded.error} title="Cannot open this rubric" />;
  if (!loaded.data || !families.data) return <Loader aria-label="Loading rubric" />;
  const family = families.data.find((f) => f.id === id) ?? null;
  const latest = Math.max(...(family?.versions.map((v) => v.version) ?? [version]));
  const s = loaded.data.summary;
  return (
    <Stack gap="md" pb="xl">
      <Breadcrumbs>
        <Link href="#/rubrics">Rubrics</Link>
        <Text size="sm">
          {id} v{version}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>
            {loaded.data.rubric.title}{' '}
            <Badge variant="light" size="lg">
              v{version}
            </Badge>{' '}
            {s.frozen && (
              <Badge color="gray" variant="light" size="lg">
                frozen
              </Badge>
            )}
          </Title>
          <Text size="sm" c="dimmed">
            Used by {s.usage.portfolios} portfolios, {s.usage.reviews} reviews and {s.usage.rounds} calibration rounds
            {s.usage.credentials.length ? `; credentials ${s.usage.credentials.join(', ')} assess new portfolios with it` : ''}.
            {s.changeNote ? ` Change note: “${s.changeNote}”` : ''}
          </Text>
        </div>
      </Group>
      <Editor key={`${id}@${version}`} initial={draftFromRubric(loaded.data.rubric)} base={{ version, frozen: s.frozen, latest }} family={family} />
    </Stack>
  );
}

/** A new rubric, blank or from an imported JSON file (router state). An imported id that exists becomes its next version. */
function NewRubric() {
  const location = useLocation();
  const families = useApiQuery('rubrics.list', {});
  const imported = (location.state as { rubric?: Rubric } | null)?.rubric;
  if (!families.data) return <Loader aria-label="Loading rubrics" />;
  const family = imported ? (families.data.find((f) => f.id === imported.id) ?? null) : null;
  const latest = family ? Math.max(...family.versions.map((v) => v.version)) : null;
  return (
    <Stack gap="md" pb="xl">
      <Breadcrumbs>
        <Link href="#/rubrics">Rubrics</Link>
        <Text size="sm">{imported ? `Imported ${imported.id}` : 'New rubric'}</Text>
      </Breadcrumbs>
      <Title order={2}>{imported ? `Imported rubric: ${imported.title}` : 'New rubric'}</Title>
      {family && latest !== null && (
        <Alert color="blue" variant="light">
          {imported!.id} already exists (latest version {latest}); saving the imported file
          {family.versions.find((v) => v.version === latest)!.frozen ? ` makes version ${latest + 1}.` : ` replaces version ${latest}, which nothing uses yet.`}
        </Alert>
      )}
      <Editor
        key={imported ? `import-${imported.id}` : 'new'}
        initial={imported ? draftFromRubric(imported) : blankDraft()}
        base={family && latest !== null ? { version: latest, frozen: family.versions.find((v) => v.version === latest)!.frozen, latest } : null}
        family={family}
      />
    </Stack>
  );
}

export function RubricEditorPage() {
  const { id, version } = useParams();
  return <RequireRole roles={['lead', 'admin']}>{id && version ? <ExistingVersion id={id} version={Number(version)} /> : <NewRubric />}</RequireRole>;
}
