import { Alert, Badge, Button, Grid, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import type { ReviewView } from '../../../../src-shared/contracts/review';
import { evaluateDecision, type LevelChoice, type Rubric } from '../../../../src-shared/domain/rubric';
import { DecisionPreview } from '../../review/DecisionPreview';
import { reviewLetter } from '../compare/agreement';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { ReviewFeedbackCard } from '../shared/ReviewFeedbackCard';
import type { ModerationValues } from './useModerationForm';

interface Props {
  rubric: Rubric;
  reviews: ReviewView[];
  values: ModerationValues;
  readOnly: boolean;
  problems: string[];
  error: unknown;
  onReload(): void;
  busy: boolean;
  canAskThird: boolean;
  onFeedback(text: string): void;
  onNote(text: string): void;
  onRecord(): void;
  onThirdReview(): void;
}

/** The reviewers' overall feedback beside the moderator's: outcome preview, feedback, note, and the two ways out. */
export function DecisionForm(p: Props) {
  const outcome = evaluateDecision(p.rubric, p.values.levels as LevelChoice).outcome;
  const use = (text: string) => p.onFeedback(p.values.feedback.trim() ? `${p.values.feedback.trim()}\n\n${text}` : text);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="moderation-decision-title">
      <Title order={3} size="h5" id="moderation-decision-title" mb="sm">
        Decision
      </Title>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              The reviewers&apos; feedback to the candidate
            </Text>
            {p.reviews.map((r, i) => (
              <ReviewFeedbackCard key={r.id} heading={`${reviewLetter(i)} · ${r.reviewerName}`} outcome={r.outcome} feedback={r.feedback}>
                {!p.readOnly && r.feedback.trim() && (
                  <Button size="compact-xs" variant="subtle" mt={4} onClick={() => use(r.feedback.trim())} aria-label={`Add to the final feedback: ${reviewLetter(i)}'s feedback`}>
                    Add to the final feedback
                  </Button>
                )}
              </ReviewFeedbackCard>
            ))}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="sm">
            <DecisionPreview rubric={p.rubric} levels={p.values.levels} />
            <Textarea
              label="Final feedback to the candidate"
              description={outcome === 'not_yet' ? 'Required for Not yet' : undefined}
              required={outcome === 'not_yet'}
              autosize
              minRows={4}
              maxRows={14}
              value={p.values.feedback}
              readOnly={p.readOnly}
              onChange={(e) => p.onFeedback(e.currentTarget.value)}
            />
            <Textarea
              label="Moderation note"
              description="Required: why these are the final levels. For the record and the audit log; not sent to the candidate"
              required
              error={p.problems.find((x) => x.startsWith('A moderation note'))}
              autosize
              minRows={2}
              maxRows={8}
              value={p.values.note}
              readOnly={p.readOnly}
              onChange={(e) => p.onNote(e.currentTarget.value)}
            />
            {p.problems.length > 0 && (
              <Alert color="red" variant="light" title="Not ready to record" role="alert" data-testid="moderation-problems">
                {p.problems.map((x) => (
                  <Text key={x} size="sm">
                    {x}
                  </Text>
                ))}
              </Alert>
            )}
            <ApiErrorAlert error={p.error} title="The decision was not recorded" onReload={p.onReload} />
            {!p.readOnly && (
              <Group justify="space-between">
                <Button variant="default" onClick={p.onThirdReview} disabled={!p.canAskThird}>
                  Ask for a third review…
                </Button>
                <Button onClick={p.onRecord} loading={p.busy}>
                  Record decision
                  <Badge ml={6} size="xs" variant="white">
                    Ctrl+Enter
                  </Badge>
                </Button>
              </Group>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Paper>
  );
}
