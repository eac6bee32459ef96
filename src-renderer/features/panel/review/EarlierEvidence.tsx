import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { AttemptHistory } from '../../../../src-shared/contracts/panels';
import { OUTCOME_LABEL } from '../../../../src-shared/domain/rubric';
import { earlierId } from './useAttemptHistory';
import classes from './review.module.css';

/** Earlier attempts' evidence, still openable, under the current evidence list (removed items flagged). */
export function EarlierEvidence({ history, selected, onSelect }: { history: AttemptHistory | null | undefined; selected: string; onSelect(id: string): void }) {
  if (!history || history.attempts.length < 2) return null;
  const removed = new Set(history.removed.map((e) => e.sha256));
  return (
    <Stack gap={4} mt="sm" data-testid="earlier-evidence">
      {history.attempts.slice(0, -1).reverse().map((a) => (
        <Stack key={a.id} gap={2} role="group" aria-labelledby={`attempt-${a.id}-label`}>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" id={`attempt-${a.id}-label`}>
            Attempt {a.attempt} · {a.decision ? OUTCOME_LABEL[a.decision.outcome] : a.status}
          </Text>
          {a.evidence.map((e) => {
            const id = earlierId(a.id, e.id);
            return (
              <UnstyledButton
                key={id}
                role="option"
                aria-selected={selected === id}
                className={classes.item}
                data-selected={selected === id || undefined}
                onClick={() => onSelect(id)}
                data-testid={`earlier-${a.attempt}-${e.id}`}
              >
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" lineClamp={2}>
                    {e.title}
                  </Text>
                  {removed.has(e.sha256) && (
                    <Badge size="xs" color="red" variant="light" style={{ flexShrink: 0 }}>
                      removed
                    </Badge>
                  )}
                </Group>
              </UnstyledButton>
            );
          })}
        </Stack>
      ))}
    </Stack>
  );
}
