import { useEffect, useRef, useState } from 'react';
import { Alert, Anchor as Link, Badge, Breadcrumbs, Button, Center, Group, Kbd, Loader, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { Anchor } from '../../../../src-shared/contracts/anchors';
import type { PortfolioDetail } from '../../../../src-shared/contracts/portfolio';
import type { DecisionView } from '../../../../src-shared/contracts/review';
import { evaluateDecision, OUTCOME_LABEL, type LevelChoice } from '../../../../src-shared/domain/rubric';
import { moderationProblems, moderationWarnings } from '../../../../src-shared/domain/panel/moderation-rules';
import type { Output } from '../../../../src-shared/contracts';
import { api } from '../../../api/transport';
import { useApiQuery } from '../../../api/queries';
import { useMe } from '../../profile/ProfileProvider';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { FeedbackWarnings } from '../shared/FeedbackWarnings';
import { RequireRole } from '../shared/RequireRole';
import { dayTime } from '../shared/format';
import { criterionAgreement } from '../compare/agreement';
import { CriterionRow } from './CriterionRow';
import { DecisionForm } from './DecisionForm';
import { EvidenceDrawer, type EvidenceOpen } from './EvidenceDrawer';
import { ReviewsLegend } from './ReviewsLegend';
import { ThirdReviewModal } from './ThirdReviewModal';
import { useModerationForm } from './useModerationForm';
import { MODERATION_STATUS } from './labels';
import { STATUS_LABEL } from '../../../../src-shared/domain/status';

type Case = Output<'moderation.get'>;

export function ModerationCasePage() {
  return (
    <RequireRole roles={['moderator', 'lead', 'admin']}>
      <CaseLoader />
    </RequireRole>
  );
}

function CaseLoader() {
  const { id = '' } = useParams();
  const me = useMe();
  const theCase = useApiQuery('moderation.get', { portfolioId: id });
  const portfolio = useApiQuery('portfolio.get', { id });
  const credential = portfolio.data?.credential.code ?? '';
  const policy = useApiQuery('policy.get', { credential }, { enabled: Boolean(credential) });
  // A resolved case shows the decision it ended with (review.open only reads).
  const resolved = theCase.data?.status === 'resolved';
  const decision = useQuery({
    queryKey: ['review.open', id, me.id],
    queryFn: () => api.call('review.open', { portfolioId: id }),
    enabled: resolved,
  });
  const error = theCase.error ?? portfolio.error ?? policy.error;
  if (error)
    return (
      <Stack maw={760}>
        <Crumbs id={id} />
        <ApiErrorAlert error={error} title={`Cannot open the moderation of ${id}`} />
      </Stack>
    );
  if (!theCase.data || !portfolio.data || !policy.data || (resolved && !decision.data))
    return (
      <Center h="50vh">
        <Loader aria-label="Loading the moderation case" />
      </Center>
    );
  return (
    <CaseWorkspace
      key={`${id}:${theCase.data.status}:${theCase.data.revision}`}
      theCase={theCase.data}
      portfolio={portfolio.data}
      tolerance={policy.data.current.tolerance}
      decision={decision.data?.decision ?? null}
    />
  );
}

function Crumbs({ id }: { id: string }) {
  return (
    <Breadcrumbs>
      <Link href="#/moderation">Moderation</Link>
      <Text size="sm">{id}</Text>
    </Breadcrumbs>
  );
}

interface WorkspaceProps {
  theCase: Case;
  portfolio: PortfolioDetail;
  tolerance: number;
  decision: DecisionView | null;
}

function CaseWorkspace({ theCase, portfolio, tolerance, decision }: WorkspaceProps) {
  const queryClient = useQueryClient();
  const rubric = portfolio.rubric;
  const readOnly = theCase.status !== 'open';
  const form = useModerationForm(decision);
  const [problems, setProblems] = useState<string[]>([]);
  const [evidence, setEvidence] = useState<EvidenceOpen | null>(null);
  const [thirdOpen, setThirdOpen] = useState(false);
  const pickers = useRef<(HTMLElement | null)[]>([]);
  const evidenceTitle = (eid: string) => portfolio.evidence.find((e) => e.id === eid)?.title ?? eid;

  useEffect(() => {
    document.title = `Moderation ${portfolio.id} — Evidence Workbench`;
  }, [portfolio.id]);

  const refresh = () => queryClient.invalidateQueries();
  // After a refusal because the case changed since it was loaded: the case as it is now, in a fresh form.
  const reload = () => {
    setThirdOpen(false);
    void refresh();
  };
  const decide = useMutation({
    mutationFn: (confirm: boolean) =>
      api.call('moderation.decide', {
        portfolioId: portfolio.id,
        levels: form.values.levels,
        comments: form.values.comments,
        feedback: form.values.feedback,
        note: form.values.note,
        confirm,
        revision: theCase.revision,
      }),
    onSuccess: async (d) => {
      notifications.show({ color: 'teal', message: `${portfolio.id} decided by moderation: ${OUTCOME_LABEL[d.outcome]}` });
      await refresh();
    },
  });
  const third = useMutation({
    mutationFn: (note: string) => api.call('moderation.thirdReview', { portfolioId: portfolio.id, note, revision: theCase.revision }),
    onSuccess: async () => {
      setThirdOpen(false);
      notifications.show({ message: `${portfolio.id} is waiting for a third review.` });
      await refresh();
    },
  });

  const record = () => {
    if (readOnly || decide.isPending) return;
    const found = moderationProblems(rubric, form.values.levels, form.values.feedback, form.values.note);
    setProblems(found);
    if (found.length) return;
    const preview = evaluateDecision(rubric, form.values.levels as LevelChoice);
    const warnings = moderationWarnings(preview.outcome!, form.values.feedback, theCase.reviews);
    modals.openConfirmModal({
      title: warnings.length ? 'Check the feedback before recording' : 'Record the moderated decision?',
      children: (
        <>
          <Text size="sm">
            {portfolio.id}: <b>{OUTCOME_LABEL[preview.outcome!]}</b> (total {preview.total}). It becomes the decision in force, recorded with your note in the
            audit log; a later change is a correction with a reason.
          </Text>
          <FeedbackWarnings title="The feedback may not fit the outcome" warnings={warnings} testId="moderation-warnings" />
        </>
      ),
      labels: { confirm: warnings.length ? 'Record anyway' : 'Record decision', cancel: 'Keep moderating' },
      confirmProps: { color: warnings.length ? 'orange' : undefined, 'data-autofocus': true } as Record<string, unknown>,
      onConfirm: () => decide.mutate(warnings.length > 0),
    });
  };

  const agreed: Record<string, number> = {};
  for (const c of rubric.criteria) {
    const scores = theCase.reviews.map((r) => r.levels[c.id]);
    if (criterionAgreement(scores, tolerance).kind === 'agree') agreed[c.id] = scores[0]!;
  }
  const agreeing = Object.keys(agreed).length;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // A key pressed in a dialog is the dialog's. Not "any dialog in the page": a closing one stays in the DOM for its
      // transition after focus has come back, and would swallow the next Ctrl+Enter.
      if (readOnly || (e.target as HTMLElement | null)?.closest('[role="dialog"]')) return;
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
        e.preventDefault();
        record();
        return;
      }
      const typing = (e.target as HTMLElement | null)?.closest('input, textarea, select, [contenteditable="true"]');
      if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'r' || e.key === 'R') {
        e.preventDefault();
        const i = Math.max(0, rubric.criteria.findIndex((c) => form.values.levels[c.id] === undefined));
        pickers.current[i]?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const openAnchor = (a: Anchor) => setEvidence({ evidenceId: a.evidenceId, target: a.target, nonce: Date.now() });
  const status = MODERATION_STATUS[theCase.status];
  const set = rubric.criteria.filter((c) => form.values.levels[c.id] !== undefined).length;
  const preview = evaluateDecision(rubric, form.values.levels as LevelChoice);

  return (
    <Stack gap="sm" pb="xl">
      <Crumbs id={portfolio.id} />
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Group gap="sm">
            <Title order={2}>
              {portfolio.id} · {portfolio.candidate.name}
            </Title>
            <Badge color={status.color} variant="light" size="lg" data-testid="case-status">
              {status.label}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {portfolio.credential.title} · attempt {portfolio.attempt} · rubric {rubric.title} v{rubric.version} · tolerance {tolerance}{' '}
            {tolerance === 1 ? 'level' : 'levels'}
          </Text>
        </div>
        <Group gap="xs">
          <Button variant="default" onClick={() => portfolio.evidence[0] && setEvidence({ evidenceId: portfolio.evidence[0].id, nonce: Date.now() })}>
            Browse evidence
          </Button>
          <Button component="a" variant="subtle" href={`#/portfolio/${encodeURIComponent(portfolio.id)}`}>
            Portfolio details
          </Button>
        </Group>
      </Group>

      <Alert color={theCase.status === 'resolved' ? 'gray' : 'orange'} variant="light" title="Why it is here" data-testid="case-reason">
        {theCase.reason}
      </Alert>
      {theCase.status === 'third_review' && (
        <Alert color="violet" title="Waiting for a third review">
          {theCase.note ? `Note: ${theCase.note}. ` : ''}Once the third reviewer submits, the case returns here with all reviews.
        </Alert>
      )}
      {decision && (
        <Alert color={decision.outcome === 'pass' ? 'teal' : 'orange'} title={`${STATUS_LABEL.decided}: ${OUTCOME_LABEL[decision.outcome]} · total ${decision.total}`} data-testid="case-decision">
          By {decision.decidedByName}, {dayTime(decision.decidedAt)}
          {decision.reason ? ` — note: ${decision.reason}` : ''}.{' '}
          <Link href={`#/review/${encodeURIComponent(portfolio.id)}`}>Open the decision</Link>
        </Alert>
      )}

      <Group justify="space-between" align="center">
        <ReviewsLegend reviews={theCase.reviews} />
        {!readOnly && (
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              Final levels {set} of {rubric.criteria.length}
              {preview.complete ? ` → ${OUTCOME_LABEL[preview.outcome!]} (total ${preview.total})` : ''} · <Kbd size="xs">R</Kbd> first open criterion · <Kbd size="xs">1</Kbd>–
              <Kbd size="xs">{Math.max(...rubric.criteria.map((c) => c.levels.length))}</Kbd> pick · <Kbd size="xs">↑</Kbd>
              <Kbd size="xs">↓</Kbd> move
            </Text>
            <Button size="compact-sm" variant="light" onClick={() => form.fillLevels(agreed)} disabled={agreeing === 0}>
              {agreeing ? `Take the ${agreeing === 1 ? 'level' : `${agreeing} levels`} the reviewers agree on` : 'The reviewers agree on no level'}
            </Button>
          </Group>
        )}
      </Group>

      <Stack gap="xs" aria-label="Reviews side by side per criterion" role="list">
        {rubric.criteria.map((c, i) => (
          <div role="listitem" key={c.id}>
            <CriterionRow
              ref={(el) => {
                pickers.current[i] = el;
              }}
              criterion={c}
              index={i}
              reviews={theCase.reviews}
              tolerance={tolerance}
              level={form.values.levels[c.id]}
              comment={form.values.comments[c.id] ?? ''}
              readOnly={readOnly}
              evidenceTitle={evidenceTitle}
              onOpenAnchor={openAnchor}
              onLevel={(score) => {
                form.setLevel(c.id, score);
                setProblems([]);
              }}
              onComment={(text) => form.setComment(c.id, text)}
              onMove={(d) => pickers.current[Math.max(0, Math.min(rubric.criteria.length - 1, i + d))]?.focus()}
            />
          </div>
        ))}
      </Stack>

      <DecisionForm
        rubric={rubric}
        reviews={theCase.reviews}
        values={form.values}
        readOnly={readOnly}
        problems={problems}
        error={decide.error}
        onReload={reload}
        busy={decide.isPending}
        canAskThird={theCase.reviews.length < 3}
        onFeedback={form.setFeedback}
        onNote={form.setNote}
        onRecord={record}
        onThirdReview={() => setThirdOpen(true)}
      />

      <EvidenceDrawer evidence={portfolio.evidence} open={evidence} onOpen={setEvidence} onClose={() => setEvidence(null)} />
      <ThirdReviewModal
        opened={thirdOpen}
        portfolioId={portfolio.id}
        busy={third.isPending}
        error={third.error}
        onReload={reload}
        onClose={() => setThirdOpen(false)}
        onConfirm={(note) => third.mutate(note)}
      />
    </Stack>
  );
}
