import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Anchor as Link, Badge, Box, Breadcrumbs, Center, Group, Loader, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Group as PanelGroup, Panel, Separator, type Layout } from 'react-resizable-panels';
import { useNavigate, useParams } from 'react-router';
import type { Anchor, AnchorTarget } from '../../../src-shared/contracts/anchors';
import type { PortfolioDetail } from '../../../src-shared/contracts/portfolio';
import type { ReviewState } from '../../../src-shared/contracts/review';
import { ApiError } from '../../../src-shared/contracts/errors';
import { evaluateDecision, OUTCOME_LABEL, type LevelChoice } from '../../../src-shared/domain/rubric';
import { submitProblems } from '../../../src-shared/domain/review-rules';
import { api } from '../../api/transport';
import { useApiQuery } from '../../api/queries';
import { saveExport } from '../../api/download';
import { useMe } from '../profile/ProfileProvider';
import { EvidenceViewer } from '../viewers/EvidenceViewer';
import type { EvidenceViewerHandle } from '../viewers/types';
import { EvidencePane, RESPONSES } from './EvidencePane';
import { ResponsesView } from './ResponsesView';
import { RubricPanel } from './RubricPanel';
import { ShortcutSheet } from './ShortcutSheet';
import { CorrectionModal } from './CorrectionModal';
import { useDraft } from './useDraft';
import { useActiveTime } from './useActiveTime';
import { earlierItem, isEarlierId, useAttemptHistory } from '../panel/review/useAttemptHistory';
import { ReviewPanelExtras } from '../panel/review/ReviewPanelExtras';
import { IdentityNotice } from './IdentityNotice';
import classes from './ReviewPage.module.css';

const LAYOUT_KEY = 'review.layout';
/**
 * The viewer's share is what lets an A4 page fit its width at 80 % zoom or more on a 1280 px laptop (navigation folded)
 * and at 1440 px with the navigation shown; tests/e2e/laptop.spec.ts measures it.
 */
const DEFAULT_LAYOUT: Layout = { evidence: 15, viewer: 56, rubric: 29 };

export function ReviewPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const queryClient = useQueryClient();
  // A reload after a refused write starts the workspace afresh from what is stored now.
  const [loads, setLoads] = useState(0);
  const portfolio = useApiQuery('portfolio.get', { id });
  const state = useQuery({ queryKey: ['review.open', id, me.id], queryFn: () => api.call('review.open', { portfolioId: id }), staleTime: Infinity });
  const layout = useApiQuery('prefs.get', { key: LAYOUT_KEY }, { staleTime: Infinity });
  if (portfolio.error || state.error)
    return (
      <Alert color="red" title="Cannot open this portfolio for review">
        {(portfolio.error ?? state.error)!.message}
      </Alert>
    );
  if (!portfolio.data || !state.data || layout.isLoading)
    return (
      <Center h="60vh">
        <Loader aria-label="Loading review" />
      </Center>
    );
  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: ['review.open', id] });
    setLoads((n) => n + 1);
  };
  return (
    <ReviewWorkspace
      key={`${id}#${loads}`}
      portfolio={portfolio.data}
      state={state.data}
      initialLayout={(layout.data?.value as Layout | null) ?? DEFAULT_LAYOUT}
      onReload={() => void reload()}
    />
  );
}

interface WorkspaceProps {
  portfolio: PortfolioDetail;
  state: ReviewState;
  initialLayout: Layout;
  onReload(): void;
}

function ReviewWorkspace({ portfolio, state, initialLayout, onReload }: WorkspaceProps) {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const viewer = useRef<EvidenceViewerHandle>(null);
  const viewerBox = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<string>(portfolio.evidence[0]?.id ?? RESPONSES);
  const [target, setTarget] = useState<AnchorTarget | undefined>();
  const [sheet, setSheet] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const active = useActiveTime();
  // Opening only read the review; the first change (or Start review) starts it, claiming a free place if needed.
  const start = useCallback(async () => {
    const started = await api.call('review.start', { portfolioId: portfolio.id });
    queryClient.setQueryData(['review.open', portfolio.id, me.id], started);
    return started.review;
  }, [queryClient, portfolio.id, me.id]);
  const draft = useDraft(state.review, { readOnly: state.readOnly, canStart: state.canStart, start, takeActiveMs: active.take });
  const rubric = portfolio.rubric;
  const history = useAttemptHistory(portfolio);
  const item = portfolio.evidence.find((e) => e.id === selected) ?? earlierItem(history, selected);
  const evidenceTitle = useCallback((eid: string) => portfolio.evidence.find((e) => e.id === eid)?.title ?? eid, [portfolio.evidence]);
  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: ['review.open', portfolio.id] }), [queryClient, portfolio.id]);

  useEffect(() => {
    document.title = `${portfolio.id} · ${portfolio.credential.title} — Evidence Workbench`;
  }, [portfolio]);

  const openAnchor = (a: Anchor) => {
    if (a.evidenceId === selected && viewer.current) viewer.current.goTo(a.target);
    else {
      setTarget(a.target);
      setSelected(a.evidenceId);
    }
  };

  const cite = async (criterionId: string) => {
    if (isEarlierId(selected)) {
      notifications.show({ color: 'orange', message: 'That is an earlier attempt’s evidence: cite the evidence of this attempt.' });
      return;
    }
    const at = item ? viewer.current?.currentTarget() : null;
    if (!item || !at) {
      notifications.show({ color: 'orange', message: 'Open a PDF or a video first: a citation points at a page or a moment.' });
      return;
    }
    try {
      const review = await draft.ensureStarted();
      if (!review) return;
      await api.call('review.addAnchor', { reviewId: review.id, criterionId, evidenceId: item.id, target: at });
      await refresh();
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'conflict' || err.code === 'forbidden')) draft.refuse(err);
      else notifications.show({ color: 'red', message: (err as Error).message });
    }
  };

  const removeAnchor = async (a: Anchor) => {
    if (!state.review) return;
    await api.call('review.removeAnchor', { reviewId: state.review.id, anchorId: a.id });
    await refresh();
  };

  const confirming = useRef(false);
  const submit = async (next: boolean) => {
    // One confirmation at a time: a second Ctrl+Enter (or the button and the shortcut together) while one is being
    // prepared or shown would stack a second dialog and submit twice.
    if (state.readOnly || draft.saveState.kind === 'stale' || confirming.current) return;
    confirming.current = true;
    await draft.flush();
    const found = submitProblems(rubric, draft.values.levels, draft.values.feedback);
    setProblems(found);
    const review = draft.current();
    if (found.length || !review) {
      confirming.current = false;
      return;
    }
    const preview = evaluateDecision(rubric, draft.values.levels as LevelChoice);
    modals.openConfirmModal({
      title: 'Submit this decision?',
      children: (
        <Text size="sm">
          {portfolio.id}: <b>{OUTCOME_LABEL[preview.outcome!]}</b> (total {preview.total}). A submitted decision is read-only; a later correction is a new revision
          with a reason.
        </Text>
      ),
      labels: { confirm: next ? 'Submit & open next' : 'Submit', cancel: 'Keep reviewing' },
      onClose: () => (confirming.current = false),
      confirmProps: { 'data-autofocus': true } as Record<string, unknown>,
      onConfirm: async () => {
        // The next portfolio does not depend on this submission (`after` excludes it), so ask for both at once.
        const nextId = next ? api.call('queue.next', { after: portfolio.id }).then((r) => r.id) : Promise.resolve(null);
        try {
          // Saves may have landed while the dialog was open (autosave, active time): submit on the newest revision.
          await draft.flush();
          const latest = draft.current() ?? review;
          await api.call('review.submit', { reviewId: latest.id, revision: latest.revision, activeMsDelta: active.take() });
        } catch (err) {
          if (err instanceof ApiError && err.code === 'conflict') draft.refuse(err);
          else notifications.show({ color: 'red', title: 'Not submitted', message: (err as Error).message });
          return;
        }
        notifications.show({ color: 'teal', message: `${portfolio.id} submitted: ${OUTCOME_LABEL[preview.outcome!]}` });
        // Refresh in the background: the reviewer should not wait for the queue counts to move on.
        void queryClient.invalidateQueries();
        // A calibration review stays on the page: the reference comparison appears now (it links to the next anchor).
        if (!next || state.review?.kind === 'calibration') return;
        const id = await nextId.catch(() => null);
        if (id) navigate(`/review/${encodeURIComponent(id)}`);
        else {
          notifications.show({ message: 'No more portfolios waiting for you.' });
          navigate('/');
        }
      },
    });
  };

  const feedbackPdf = async () => {
    try {
      await saveExport(await api.call('export.feedbackPdf', { portfolioId: portfolio.id }));
    } catch (err) {
      notifications.show({ color: 'red', message: (err as Error).message });
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = (e.target as HTMLElement | null)?.closest('input, textarea, select, [contenteditable="true"]');
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
        e.preventDefault();
        void submit(true);
        return;
      }
      if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === '?') {
        e.preventDefault();
        setSheet(true);
      } else if (e.key === 'r' || e.key === 'R') {
        // Straight to the first criterion still unscored (or the first), ready for 1..n.
        e.preventDefault();
        const unscored = rubric.criteria.find((c) => draft.values.levels[c.id] == null) ?? rubric.criteria[0];
        document.querySelector<HTMLElement>(`[data-criterion="${unscored?.id}"]`)?.focus();
      } else if (e.key === 'v' || e.key === 'V') {
        e.preventDefault();
        viewerBox.current?.querySelector<HTMLElement>('[tabindex="0"], video, button')?.focus();
      } else if (e.key === '[' || e.key === ']') {
        const ids = [RESPONSES, ...portfolio.evidence.map((x) => x.id)];
        const i = ids.indexOf(selected) + (e.key === ']' ? 1 : -1);
        if (i >= 0 && i < ids.length) {
          setTarget(undefined);
          setSelected(ids[i]!);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const decision = state.decision;
  const canCorrect = Boolean(decision && (decision.decidedBy === me.id || me.roles.some((r) => r === 'moderator' || r === 'lead' || r === 'admin')));

  const viewerPane = useMemo(() => {
    if (!item) return <ResponsesView portfolio={portfolio} />;
    return <EvidenceViewer key={item.id} ref={viewer} item={item} urlFor={api.evidenceUrl} initialTarget={target} />;
  }, [item, portfolio, target]);

  return (
    <Box className={classes.page}>
      <Group justify="space-between" px="xs" py={6} className={classes.bar} data-testid="review-bar">
        <Group gap="sm">
          <Breadcrumbs>
            <Link href="#/">Queue</Link>
            <Text size="sm">{portfolio.id}</Text>
          </Breadcrumbs>
          <Text size="sm" fw={600}>
            {portfolio.candidate.name}
          </Text>
          <Text size="sm" c="dimmed">
            {portfolio.credential.title} · attempt {portfolio.attempt}
          </Text>
          {portfolio.attempts.length > 1 && <Badge variant="light">resubmission</Badge>}
          <IdentityNotice identity={portfolio.identity} variant="badge" />
          <Link href={`#/portfolio/${encodeURIComponent(portfolio.id)}`} size="sm">
            Details
          </Link>
        </Group>
        <Text size="xs" c="dimmed">
          Press <kbd>?</kbd> for shortcuts
        </Text>
      </Group>
      <PanelGroup
        className={classes.panels}
        defaultLayout={initialLayout}
        onLayoutChanged={(l) => void api.call('prefs.set', { key: LAYOUT_KEY, value: l }).catch(() => undefined)}
      >
        <Panel id="evidence" minSize="12" className={classes.pane}>
          <EvidencePane
            portfolio={portfolio}
            selected={selected}
            history={history}
            onSelect={(sid) => {
              setTarget(undefined);
              setSelected(sid);
            }}
          />
        </Panel>
        <Separator className={classes.separator} aria-label="Resize evidence list" />
        <Panel id="viewer" minSize="25" className={classes.viewer}>
          <div className={classes.viewerColumn}>
            <IdentityNotice identity={portfolio.identity} variant="viewer" />
            <div ref={viewerBox} className={classes.viewerBox}>
              {viewerPane}
            </div>
          </div>
        </Panel>
        <Separator className={classes.separator} aria-label="Resize rubric" />
        <Panel id="rubric" minSize="22" className={classes.pane}>
          <RubricPanel
            rubric={rubric}
            state={state}
            values={draft.values}
            saveState={draft.saveState}
            problems={problems}
            evidenceTitle={evidenceTitle}
            onLevel={(cid, score) => {
              draft.setLevel(cid, score);
              setProblems([]);
            }}
            onComment={draft.setComment}
            onFeedback={draft.setFeedback}
            onCite={(cid) => void cite(cid)}
            onOpenAnchor={openAnchor}
            onRemoveAnchor={(a) => void removeAnchor(a)}
            onSubmit={(next) => void submit(next)}
            onCorrect={() => setCorrecting(true)}
            onFeedbackPdf={() => void feedbackPdf()}
            onStart={() => void draft.ensureStarted().catch((err: Error) => (err instanceof ApiError ? draft.refuse(err) : notifications.show({ color: 'red', message: err.message })))}
            onReload={onReload}
            canCorrect={canCorrect}
            extras={
              <ReviewPanelExtras
                rubric={rubric}
                state={state}
                credential={portfolio.credential.code}
                history={history}
                evidenceTitle={evidenceTitle}
                onOpenAnchor={openAnchor}
              />
            }
          />
        </Panel>
      </PanelGroup>
      <ShortcutSheet opened={sheet} onClose={() => setSheet(false)} />
      {decision && correcting && <CorrectionModal opened onClose={() => setCorrecting(false)} portfolioId={portfolio.id} rubric={rubric} decision={decision} />}
    </Box>
  );
}
