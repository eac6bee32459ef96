import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';

interface Props {
  opened: boolean;
  portfolioId: string;
  busy: boolean;
  error: unknown;
  onReload(): void;
  onClose(): void;
  onConfirm(note: string): void;
}

export function ThirdReviewModal({ opened, portfolioId, busy, error, onReload, onClose, onConfirm }: Props) {
  const [note, setNote] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title="Ask for a third review?" size="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm(note);
        }}
      >
        <Stack gap="sm">
          <Text size="sm">
            {portfolioId} goes back into review for one more independent reviewer (allocated by the lead or claimed). It returns here with all three reviews.
          </Text>
          <Textarea
            label="Note for the record"
            description="What the third reviewer should settle, e.g. which criterion"
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            data-autofocus
          />
          <ApiErrorAlert error={error} title="No third review was requested" onReload={onReload} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Ask for a third review
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
