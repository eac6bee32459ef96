import { Accordion, Badge, Group, Stack, Text } from '@mantine/core';
import type { AttemptHistory } from '../../../../src-shared/contracts/panels';
import { OUTCOME_LABEL, levelLabel, type Rubric } from '../../../../src-shared/domain/rubric';
import { day } from '../shared/format';

/** A resubmission's earlier attempts: their levels, feedback and decision, and what changed in the evidence since. */
export function AttemptHistoryPanel({ history, rubric }: { history: AttemptHistory | null; rubric: Rubric }) {
  if (!history || history.attempts.length < 2) return null;
  const earlier = history.attempts.slice(0, -1).reverse();
  const count = (k: 'new' | 'changed' | 'unchanged') => history.changes.filter((c) => c.change === k).length;
  return (
    <section aria-labelledby="attempt-history-title" data-testid="attempt-history">
      <Group justify="space-between" mb={4}>
        <Text id="attempt-history-title" size="sm" fw={700} component="h3" m={0}>
          Attempt history
        </Text>
        <Text size="xs" c="dimmed">
          Evidence since last time: {count('new')} new, {count('changed')} changed, {count('unchanged')} unchanged
          {history.removed.length ? `, ${history.removed.length} removed` : ''}
        </Text>
      </Group>
      <Accordion variant="contained" defaultValue={earlier[0]?.id} chevronPosition="right">
        {earlier.map((a) => (
          <Accordion.Item key={a.id} value={a.id}>
            <Accordion.Control>
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  Attempt {a.attempt}
                </Text>
                {a.decision && (
                  <Badge size="sm" variant="light" color={a.decision.outcome === 'pass' ? 'teal' : 'orange'}>
                    {OUTCOME_LABEL[a.decision.outcome]}
                  </Badge>
                )}
                <Text size="xs" c="dimmed">
                  {a.id} · submitted {day(a.submittedAt)}
                </Text>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              {a.decision ? (
                <Stack gap={6}>
                  <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                    {a.decision.levels.map((l) => {
                      const c = rubric.criteria.find((x) => x.id === l.criterionId);
                      return (
                        <li key={l.criterionId}>
                          <Text size="xs">
                            <b>{c?.title ?? l.criterionId}</b>: {c ? levelLabel(c, l.score) : l.score} ({l.score})
                          </Text>
                          {l.comment && (
                            <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                              {l.comment}
                            </Text>
                          )}
                        </li>
                      );
                    })}
                  </Stack>
                  <Text size="xs" fw={700}>
                    Feedback the candidate received
                  </Text>
                  <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
                    {a.decision.feedback || '—'}
                  </Text>
                  <Text size="xs" c="dimmed">
                    Decided by {a.decision.decidedByName}, {day(a.decision.decidedAt)}
                  </Text>
                </Stack>
              ) : (
                <Text size="xs" c="dimmed">
                  No decision recorded ({a.status}).
                </Text>
              )}
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </section>
  );
}
