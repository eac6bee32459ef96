import { List, Text } from '@mantine/core';
import { FeedbackWarnings } from '../shared/FeedbackWarnings';
import { OUTCOME_LABEL, type Outcome } from '../../../../src-shared/domain/rubric';
import type { ReleaseChoice } from './useRelease';

/** What goes out on release, and the warnings the lead confirms. */
export function ReleaseConfirm({ items, warnings }: { items: ReleaseChoice[]; warnings: string[] }) {
  return (
    <>
      <Text size="sm">
        {items.length === 1 ? 'This decision goes' : 'These decisions go'} to the candidate{items.length === 1 ? '' : 's'}: feedback PDF, exports and credit. A
        later change is a correction with a reason.
      </Text>
      <List size="sm" mt="xs" data-testid="release-confirm-list">
        {items.slice(0, 12).map((i) => (
          <List.Item key={i.portfolioId}>
            {i.portfolioId}: {OUTCOME_LABEL[i.outcome as Outcome] ?? i.outcome}
          </List.Item>
        ))}
        {items.length > 12 && <List.Item>… and {items.length - 12} more</List.Item>}
      </List>
      <FeedbackWarnings title="Check the feedback" warnings={warnings} testId="release-warnings" />
    </>
  );
}
