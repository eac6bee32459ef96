import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../../api/transport';
import { useApiQuery } from '../../../api/queries';
import { todayIso } from '../shared/format';
import { ErrorAlert } from '../shared/ui';

/** Opens an application: who, for which award (the pathway's latest version), on which date. */
export function NewApplicationModal({ opened, onClose, candidateId }: { opened: boolean; onClose(): void; candidateId?: string }) {
  const candidates = useApiQuery('credit.candidates', {}, { enabled: opened });
  const pathways = useApiQuery('credit.pathways', {}, { enabled: opened });
  const [candidate, setCandidate] = useState<string | null>(candidateId ?? null);
  const [pathway, setPathway] = useState<string | null>(null);
  const [date, setDate] = useState(todayIso());
  const [note, setNote] = useState('');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: () => api.call('credit.apply', { candidateId: candidate!, pathwayId: pathway!, date, note }),
    onSuccess: (app) => {
      void queryClient.invalidateQueries();
      onClose();
      navigate(`/credit/applications/${app.id}`);
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title="New credit application" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Stack gap="sm">
          <Select
            label="Candidate"
            searchable
            required
            data={(candidates.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.id})${c.school ? `, ${c.school}` : ''}` }))}
            value={candidate}
            onChange={setCandidate}
            nothingFoundMessage="No candidate matches"
          />
          <Select
            label="Pathway"
            required
            data={(pathways.data ?? []).map((p) => ({ value: p.id, label: `${p.targetCode} ${p.targetTitle} (version ${p.version})` }))}
            value={pathway}
            onChange={setPathway}
          />
          <TextInput
            label="Application date"
            description="Every credential must still count on this date."
            type="date"
            required
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
          />
          <Textarea label="Note" autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <ErrorAlert error={create.error} title="The application was not created" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!candidate || !pathway || !date}>
              Create application
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
