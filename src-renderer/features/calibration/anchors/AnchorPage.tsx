import { useEffect, useState } from 'react';
import { Alert, Anchor as Link, Badge, Breadcrumbs, Button, Card, Group, Loader, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../../src-shared/contracts/errors';
import type { AnchorDetail } from '../../../../src-shared/contracts/calibration';
import type { Rubric } from '../../../../src-shared/domain/rubric';
import { useApiQuery } from '../../../api/queries';
import { api } from '../../../api/transport';
import { ApiErrorAlert } from '../../panel/shared/ApiErrorAlert';
import { PageHeader } from '../../panel/shared/PageHeader';
import { RequireRole } from '../../panel/shared/RequireRole';

type Refs = Record<string, { score: number | null; rationale: string }>;

function initialRefs(rubric: Rubric, anchor: AnchorDetail | null): Refs {
  return Object.fromEntries(
    rubric.criteria.map((c) => {
      const r = anchor?.references.find((x) => x.criterionId === c.id);
      return [c.id, { score: r?.score ?? null, rationale: r?.rationale ?? '' }];
    }),
  );
}

function ReferenceForm({ portfolioId, rubric, anchor }: { portfolioId: string; rubric: Rubric; anchor: AnchorDetail | null }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [refs, setRefs] = useState<Refs>(() => initialRefs(rubric, anchor));
  const [note, setNote] = useState(anchor?.note ?? '');
  useEffect(() => setRefs(initialRefs(rubric, anchor)), [rubric, anchor]);
  const locked = anchor?.locked ?? false;
  const save = useMutation({
    mutationFn: () =>
      api.call('calibration.anchors.save', {
        portfolioId,
        note,
        references: Object.entries(refs)
          .filter(([, r]) => r.score !== null)
          .map(([criterionId, r]) => ({ criterionId, score: r.score!, rationale: r.rationale })),
      }),
    onSuccess: async (a) => {
      notifications.show({ color: 'teal', message: `${a.portfolioId}: reference saved (${a.referenced} of ${a.criteria} criteria).` });
      await queryClient.invalidateQueries();
    },
  });
  const remove = useMutation({
    mutationFn: () => api.call('calibration.anchors.remove', { portfolioId }),
    onSuccess: async () => {
      notifications.show({ message: `${portfolioId} is an ordinary portfolio again.` });
      await queryClient.invalidateQueries();
      navigate('/calibration?tab=anchors');
    },
  });
  const missingRationale = Object.entries(refs).filter(([, r]) => r.score !== null && !r.rationale.trim());
  const set = (id: string, patch: Partial<Refs[string]>) => setRefs((s) => ({ ...s, [id]: { ...s[id]!, ...patch } }));
  return (
    <Stack gap="md">
      {locked && (
        <Alert color="gray" title="Reference fixed">
          Reviewers have been compared with this reference ({anchor!.submissions} scores), so it can no longer change. Make another anchor for a different reference.
        </Alert>
      )}
      {!anchor && (
        <Alert color="blue" title="Not an anchor yet">
          Saving makes {portfolioId} an anchor: it leaves the production queue and any open allocation is released.
        </Alert>
      )}
      {rubric.criteria.map((c, i) => {
        const r = refs[c.id]!;
        return (
          <Card key={c.id} withBorder component="section" aria-labelledby={`ref-${c.id}`} data-testid={`reference-${c.id}`}>
            <Title order={3} size="h6" id={`ref-${c.id}`}>
              {i + 1}. {c.title}{' '}
              {c.critical && (
                <Badge size="xs" color="red" variant="light">
                  critical
                </Badge>
              )}
            </Title>
            <Radio.Group
              value={r.score === null ? '' : String(r.score)}
              onChange={(v) => set(c.id, { score: Number(v) })}
              aria-labelledby={`ref-${c.id}`}
              label="Reference level"
              mt={6}
            >
              <Group mt={4} gap="lg">
                {c.levels.map((l) => (
                  <Radio key={l.score} value={String(l.score)} label={`${l.label} (${l.score})`} disabled={locked} title={l.descriptor} />
                ))}
              </Group>
            </Radio.Group>
            <Textarea
              mt="xs"
              label="Rationale"
              description="Shown to each reviewer beside their level once they have submitted"
              autosize
              minRows={2}
              value={r.rationale}
              readOnly={locked}
              onChange={(e) => set(c.id, { rationale: e.currentTarget.value })}
              error={r.score !== null && !r.rationale.trim() && save.isError ? 'Explain the reference level' : undefined}
            />
          </Card>
        );
      })}
      <Textarea label="Note for the quality team (not shown to reviewers)" autosize minRows={1} value={note} readOnly={locked} onChange={(e) => setNote(e.currentTarget.value)} />
      <ApiErrorAlert error={save.error} title="The reference was not saved" />
      <ApiErrorAlert error={remove.error} title="Not removed" />
      {missingRationale.length > 0 && !locked && (
        <Text size="sm" c="orange.8">
          Each reference level needs a rationale: {missingRationale.map(([id]) => rubric.criteria.find((c) => c.id === id)!.title).join(', ')}.
        </Text>
      )}
      {!locked && (
        <Group justify="space-between">
          {anchor && anchor.rounds.length === 0 ? (
            <Button
              variant="subtle"
              color="red"
              onClick={() =>
                modals.openConfirmModal({
                  title: `Return ${portfolioId} to production?`,
                  children: <Text size="sm">Its reference levels are deleted and it appears in the queue again.</Text>,
                  labels: { confirm: 'Return to production', cancel: 'Keep as anchor' },
                  onConfirm: () => remove.mutate(),
                })
              }
            >
              No longer an anchor…
            </Button>
          ) : (
            <span />
          )}
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={missingRationale.length > 0}>
            {anchor ? 'Save reference' : 'Make anchor and save reference'}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function AnchorEditor({ id }: { id: string }) {
  const portfolio = useApiQuery('portfolio.get', { id });
  const anchor = useApiQuery('calibration.anchors.get', { portfolioId: id }, { retry: false });
  const notAnchor = anchor.error instanceof ApiError && anchor.error.code === 'not_found';
  if (portfolio.error) return <ApiErrorAlert error={portfolio.error} title="Cannot open this portfolio" />;
  if (anchor.error && !notAnchor) return <ApiErrorAlert error={anchor.error} />;
  if (!portfolio.data || anchor.isLoading) return <Loader aria-label="Loading anchor" />;
  const p = portfolio.data;
  return (
    <Stack gap="md" pb="xl" maw={980}>
      <Breadcrumbs>
        <Link href="#/calibration?tab=anchors">Anchors</Link>
        <Text size="sm">{id}</Text>
      </Breadcrumbs>
      <PageHeader
        title={`Anchor ${id}`}
        description={`${p.credential.title} · ${p.rubric.title} v${p.rubric.version} · ${p.candidate.name}`}
        actions={
          <Link href={`#/portfolio/${encodeURIComponent(id)}`} size="sm">
            Read the portfolio
          </Link>
        }
      />
      <ReferenceForm portfolioId={id} rubric={p.rubric} anchor={notAnchor ? null : (anchor.data ?? null)} />
    </Stack>
  );
}

export function AnchorPage() {
  const { id = '' } = useParams();
  return (
    <RequireRole roles={['lead', 'admin']}>
      <AnchorEditor id={id} />
    </RequireRole>
  );
}
