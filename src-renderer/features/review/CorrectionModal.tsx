import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DecisionView } from '../../../src-shared/contracts/review';
import type { Rubric } from '../../../src-shared/domain/rubric';
import { api } from '../../api/transport';
import { DecisionPreview } from './DecisionPreview';
import { ApiErrorAlert } from '../panel/shared/ApiErrorAlert';

interface Props {
  opened: boolean;
  onClose(): void;
  portfolioId: string;
  rubric: Rubric;
  decision: DecisionView;
}

/** A correction never overwrites: it records a new revision with the reason, visible in the history and the audit log. */
export function CorrectionModal({ opened, onClose, portfolioId, rubric, decision }: Props) {
  const [levels, setLevels] = useState<Record<string, number>>(() => Object.fromEntries(decision.levels.map((l) => [l.criterionId, l.score])));
  const [comments, setComments] = useState<Record<string, string>>(() => Object.fromEntries(decision.levels.map((l) => [l.criterionId, l.comment])));
  const [feedback, setFeedback] = useState(decision.feedback);
  const [reason, setReason] = useState('');
  const queryClient = useQueryClient();
  const correct = useMutation({
    mutationFn: () => api.call('decision.correct', { portfolioId, levels, comments, feedback, reason, revision: decision.revision }),
    onSuccess: async () => {
      await queryClient.invalidateQueries();
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={`Correct the decision (revision ${decision.revision + 1})`} size="lg">
      <Stack gap="sm">
        {rubric.criteria.map((c) => (
          <Group key={c.id} grow align="flex-start">
            <Select
              label={c.title}
              data={c.levels.map((l) => ({ value: String(l.score), label: `${l.score} · ${l.label}` }))}
              value={String(levels[c.id] ?? '')}
              onChange={(v) => v && setLevels((x) => ({ ...x, [c.id]: Number(v) }))}
              allowDeselect={false}
            />
            <Textarea label="Comment" autosize minRows={1} value={comments[c.id] ?? ''} onChange={(e) => setComments((x) => ({ ...x, [c.id]: e.currentTarget.value }))} />
          </Group>
        ))}
        <DecisionPreview rubric={rubric} levels={levels} />
        <Textarea label="Feedback to the candidate" autosize minRows={3} value={feedback} onChange={(e) => setFeedback(e.currentTarget.value)} />
        <Textarea label="Reason for the correction" required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <ApiErrorAlert
          error={correct.error}
          title="The correction was not recorded"
          onReload={() => {
            void queryClient.invalidateQueries();
            onClose();
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => correct.mutate()} loading={correct.isPending} disabled={reason.trim().length < 3}>
            Record correction
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
