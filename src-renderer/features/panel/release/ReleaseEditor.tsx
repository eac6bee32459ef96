import { useState } from 'react';
import { Alert, Button, Grid, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReleaseItem } from '../../../../src-shared/contracts/release';
import { releaseProblems, releaseWarnings } from '../../../../src-shared/domain/panel/release';
import { OUTCOME_LABEL } from '../../../../src-shared/domain/rubric';
import { api } from '../../../api/transport';
import { reviewLetter } from '../compare/agreement';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { ReviewFeedbackCard } from '../shared/ReviewFeedbackCard';
import { useRelease } from './useRelease';

/** One merged feedback text for the candidate, with the reviews it was reconciled from beside it. */
export function ReleaseEditor({ item, onReleased }: { item: ReleaseItem; onReleased?(): void }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState(item.decision.feedback);
  const dirty = text !== item.decision.feedback;
  const save = useMutation({
    mutationFn: () => api.call('release.saveFeedback', { portfolioId: item.portfolio, feedback: text, feedbackVersion: item.decision.feedbackVersion }),
    onSuccess: async () => {
      notifications.show({ message: `Feedback for ${item.portfolio} saved; it is not released yet.`, closeButtonProps: { 'aria-label': 'Dismiss' } });
      await queryClient.invalidateQueries({ queryKey: ['release.list'] });
    },
  });
  const { release, busy, error, reload } = useRelease(onReleased);
  const problems = releaseProblems(item.decision.outcome, text);
  const warnings = releaseWarnings(text);
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="xs">
          <Text size="sm" fw={600} id={`originals-${item.portfolio}`}>
            The reviewers&apos; feedback (reconciled from {item.originals.length} reviews)
          </Text>
          {item.originals.map((r, i) => (
            <ReviewFeedbackCard key={r.id} heading={`${reviewLetter(i)} · ${r.reviewerName} · review #${r.id}`} outcome={r.outcome} feedback={r.feedback} testId="release-original" />
          ))}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="sm">
          <Text size="sm">
            Outcome: <b>{OUTCOME_LABEL[item.decision.outcome]}</b>
            {item.decision.total !== null ? ` (total ${item.decision.total})` : ''}
          </Text>
          <Textarea
            label="Feedback to the candidate"
            description="One text for the candidate, merged from the reviews: edit it before release"
            autosize
            minRows={6}
            maxRows={18}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            required={item.decision.outcome === 'not_yet'}
            error={problems[0]}
          />
          {warnings.length > 0 && (
            <Alert color="orange" variant="light" title="Check the feedback" data-testid="release-editor-warnings">
              {warnings.map((w) => (
                <Text key={w} size="sm">
                  {w}
                </Text>
              ))}
            </Alert>
          )}
          <ApiErrorAlert
            error={save.error ?? error}
            title="Not saved or released"
            onReload={() => {
              save.reset();
              reload();
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => save.mutate()} disabled={!dirty} loading={save.isPending}>
              Save feedback
            </Button>
            <Button onClick={() => release([{ portfolioId: item.portfolio, outcome: item.decision.outcome, feedback: text, feedbackVersion: item.decision.feedbackVersion }])} disabled={problems.length > 0} loading={busy}>
              Release to the candidate
            </Button>
          </Group>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
