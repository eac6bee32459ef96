import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { releaseWarnings } from '../../../../src-shared/domain/panel/release';
import { api } from '../../../api/transport';
import { ReleaseConfirm } from './ReleaseConfirm';

export interface ReleaseChoice {
  portfolioId: string;
  outcome: string;
  feedback: string;
  /** The version of the held feedback the lead saw (DecisionView.feedbackVersion). */
  feedbackVersion: number;
}

/**
 * Releasing one or many: a confirmation that lists what goes out and any warnings (a paragraph written twice),
 * then one all-or-nothing call. The service checks the same rules, so a shell that skips this dialog is refused too.
 */
export function useRelease(onDone?: () => void) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: ({ items, confirm }: { items: ReleaseChoice[]; confirm: boolean }) =>
      api.call('release.release', { items: items.map((i) => ({ portfolioId: i.portfolioId, feedback: i.feedback, feedbackVersion: i.feedbackVersion })), confirm }),
    onSuccess: async (r) => {
      notifications.show({ color: 'teal', closeButtonProps: { 'aria-label': 'Dismiss' }, message: `Released ${r.released.length === 1 ? r.released[0] : `${r.released.length} decisions`} to the candidate${r.released.length === 1 ? '' : 's'}.` });
      await queryClient.invalidateQueries();
      onDone?.();
    },
  });
  const release = (items: ReleaseChoice[]) => {
    const warnings = items.flatMap((i) => releaseWarnings(i.feedback).map((w) => `${i.portfolioId}: ${w}`));
    modals.openConfirmModal({
      title: items.length === 1 ? `Release ${items[0]!.portfolioId}?` : `Release ${items.length} decisions?`,
      children: <ReleaseConfirm items={items} warnings={warnings} />,
      labels: { confirm: warnings.length ? 'Release anyway' : 'Release', cancel: 'Not yet' },
      closeButtonProps: { 'aria-label': 'Close' },
      confirmProps: { color: warnings.length ? 'orange' : undefined, 'data-autofocus': true } as Record<string, unknown>,
      onConfirm: () => mutation.mutate({ items, confirm: warnings.length > 0 }),
    });
  };
  /** After a refusal because a held decision changed since it was loaded: the list as it is now. */
  const reload = () => {
    mutation.reset();
    void queryClient.invalidateQueries({ queryKey: ['release.list'] });
  };
  return { release, busy: mutation.isPending, error: mutation.error, reload };
}
