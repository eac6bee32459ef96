import { useEffect, useRef, type ReactNode } from 'react';
import { Alert, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { format } from 'date-fns';
import type { Anchor } from '../../../src-shared/contracts/anchors';
import type { DecisionView, ReviewState } from '../../../src-shared/contracts/review';
import { OUTCOME_LABEL, type Rubric } from '../../../src-shared/domain/rubric';
import { STATUS_LABEL } from '../../../src-shared/domain/status';
import { CriterionCard } from './CriterionCard';
import { DecisionPreview } from './DecisionPreview';
import { FeedbackBox } from './FeedbackBox';
import type { DraftValues, SaveState } from './useDraft';
import { ReferenceComparison } from '../calibration/workbench/ReferenceComparison';
import { ApiErrorAlert } from '../panel/shared/ApiErrorAlert';

/** How a decision's reason reads: a correction's reason, a moderator's note, or where a reconciled decision came from. */
const REASON_LABEL: Record<DecisionView['source'], string> = { correction: 'correction: ', moderation: 'note: ', reconciled: '', review: '' };

/** Why the submit did not go through, beside the submit buttons where the reviewer pressed them. */
function SubmitMessage({ problems }: { problems: string[] }) {
  return (
    <Text size="xs" c="red.8" fw={600} ta="right" role="alert" data-testid="submit-problems" title={problems.join('\n')} hidden={problems.length === 0}>
      {problems.length > 0 && `Not submitted: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}.`}
    </Text>
  );
}

interface Props {
  rubric: Rubric;
  state: ReviewState;
  values: DraftValues;
  saveState: SaveState;
  problems: string[];
  evidenceTitle(id: string): string;
  onLevel(criterionId: string, score: number): void;
  onComment(criterionId: string, text: string): void;
  onFeedback(text: string): void;
  onCite(criterionId: string): void;
  onOpenAnchor(anchor: Anchor): void;
  onRemoveAnchor(anchor: Anchor): void;
  onSubmit(next: boolean): void;
  onCorrect(): void;
  onFeedbackPdf(): void;
  /** Starts the review before the first score (e.g. to cite evidence first). */
  onStart(): void;
  /** Loads the review afresh after a write was refused because it changed elsewhere. */
  onReload(): void;
  canCorrect: boolean;
  /** Panel review: the other reviews (blind until submitted) and a resubmission's attempt history. */
  extras?: ReactNode;
}

function SaveIndicator({ state }: { state: SaveState }) {
  if (state.kind === 'saving') return <Text size="xs" c="dimmed">Saving…</Text>;
  if (state.kind === 'retrying')
    return (
      <Text size="xs" c="red.9" role="alert" data-testid="save-state">
        Not saved, retrying in {Math.round(state.retryInMs / 1000)} s ({state.message}). Your changes stay on this page.
      </Text>
    );
  if (state.kind === 'saved')
    return (
      <Text size="xs" c="dimmed" data-testid="save-state">
        Draft saved {format(new Date(state.at), 'HH:mm:ss')}
      </Text>
    );
  return null;
}

export function RubricPanel(p: Props) {
  const cards = useRef<(HTMLElement | null)[]>([]);
  // A submit that cannot go through takes the reviewer to the first problem: the first unscored criterion, else the feedback.
  useEffect(() => {
    if (!p.problems.length) return;
    const first = p.rubric.criteria.findIndex((c) => p.values.levels[c.id] == null);
    const target = first >= 0 ? cards.current[first] : document.getElementById('overall-feedback');
    target?.scrollIntoView({ block: 'center' });
    target?.focus({ preventScroll: true });
    // Only a new list of problems (a new submit attempt) moves focus, not typing elsewhere.
  }, [p.problems]);
  const decision = p.state.decision;
  const readOnly = p.state.readOnly;
  // A decided portfolio shows the decision in force; otherwise the reviewer's own draft.
  const levels = decision ? Object.fromEntries(decision.levels.map((l) => [l.criterionId, l.score])) : p.values.levels;
  const comments = decision ? Object.fromEntries(decision.levels.map((l) => [l.criterionId, l.comment])) : p.values.comments;
  const anchors = decision ? decision.anchors : (p.state.review?.anchors ?? []);
  const feedback = decision ? decision.feedback : p.values.feedback;

  return (
    <Stack gap="xs" p="xs" data-testid="rubric-panel">
      <Group justify="space-between">
        <Title order={2} size="h5">
          {p.rubric.title} <Text span size="xs" c="dimmed">v{p.rubric.version}</Text>
        </Title>
        {!readOnly && <SaveIndicator state={p.saveState} />}
      </Group>
      {decision && (
        <Alert
          color={decision.outcome === 'pass' ? 'teal' : 'orange'}
          title={`${decision.releasedAt ? STATUS_LABEL.decided : STATUS_LABEL.ready}: ${OUTCOME_LABEL[decision.outcome]}`}
          data-testid="decision-banner"
        >
          <Text size="xs">
            Revision {decision.revision} by {decision.decidedByName}, {format(new Date(decision.decidedAt), 'd MMM yyyy HH:mm')}
            {decision.reason ? ` — ${REASON_LABEL[decision.source]}${decision.reason}` : ''}.{' '}
            {decision.releasedAt
              ? 'Read-only; a correction is recorded as a new revision.'
              : `Reconciled from the reviews of ${decision.sources.map((s) => s.reviewerName).join(' and ')}; nothing has gone to the candidate until a lead releases it.`}
          </Text>
          {decision.releasedAt && (
            <Group mt="xs" gap="xs">
              <Button size="compact-xs" variant="white" onClick={p.onFeedbackPdf}>
                Feedback PDF
              </Button>
              {p.canCorrect && (
                <Button size="compact-xs" variant="white" onClick={p.onCorrect}>
                  Correct…
                </Button>
              )}
            </Group>
          )}
        </Alert>
      )}
      {!decision && p.state.readOnlyReason && <Alert color="gray">{p.state.readOnlyReason}</Alert>}
      {p.saveState.kind === 'stale' && (
        <ApiErrorAlert error={p.saveState.error} title="Not saved" onReload={p.onReload} reloadOn={['conflict', 'forbidden']} />
      )}
      {p.state.canStart && !p.state.review && p.saveState.kind === 'idle' && (
        <Alert color="blue" variant="light" title="Not started" data-testid="review-not-started">
          <Text size="xs">Opening a portfolio claims nothing. Your first score starts your review and takes your place on it.</Text>
          <Button size="compact-xs" variant="white" mt={6} onClick={p.onStart}>
            Start review
          </Button>
        </Alert>
      )}
      {p.state.reference && p.state.review && <ReferenceComparison rubric={p.rubric} review={p.state.review} reference={p.state.reference} />}
      {p.extras}
      {p.rubric.criteria.map((c, i) => (
        <CriterionCard
          key={c.id}
          ref={(el) => {
            cards.current[i] = el;
          }}
          criterion={c}
          index={i}
          level={levels[c.id]}
          comment={comments[c.id] ?? ''}
          anchors={anchors.filter((a) => a.criterionId === c.id)}
          evidenceTitle={p.evidenceTitle}
          readOnly={readOnly}
          onLevel={(score) => p.onLevel(c.id, score)}
          onComment={(text) => p.onComment(c.id, text)}
          onCite={() => p.onCite(c.id)}
          onOpenAnchor={p.onOpenAnchor}
          onRemoveAnchor={p.onRemoveAnchor}
          onMove={(d) => cards.current[Math.max(0, Math.min(p.rubric.criteria.length - 1, i + d))]?.focus()}
        />
      ))}
      <DecisionPreview rubric={p.rubric} levels={levels} />
      <FeedbackBox rubric={p.rubric} levels={levels} value={feedback} readOnly={readOnly} onChange={p.onFeedback} />
      {!readOnly && (
        <>
          <SubmitMessage problems={p.problems} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => p.onSubmit(false)}>
              Submit
            </Button>
            <Button onClick={() => p.onSubmit(true)}>
              Submit &amp; next <Badge ml={6} size="xs" variant="white">Ctrl+Enter</Badge>
            </Button>
          </Group>
        </>
      )}
      {p.state.revisions.length > 1 && (
        <Stack gap={2} mt="xs" aria-label="Decision history">
          <Text size="xs" fw={700}>
            History
          </Text>
          {p.state.revisions.map((r) => (
            <Text key={r.id} size="xs" c="dimmed">
              Revision {r.revision}: {OUTCOME_LABEL[r.outcome]} by {r.decidedByName}, {format(new Date(r.decidedAt), 'd MMM yyyy HH:mm')}
              {r.reason ? ` — ${r.reason}` : ''}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
