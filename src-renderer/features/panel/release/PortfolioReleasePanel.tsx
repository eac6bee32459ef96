import { Card, Loader, Text, Title } from '@mantine/core';
import { STATUS_LABEL } from '../../../../src-shared/domain/status';
import { useApiQuery } from '../../../api/queries';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { ReleaseEditor } from './ReleaseEditor';

/** On a portfolio that is ready to release (leads and admins): the merged feedback, its sources, and Release. */
export function PortfolioReleasePanel({ portfolioId }: { portfolioId: string }) {
  const q = useApiQuery('release.list', { portfolioId });
  const item = q.data?.[0];
  return (
    <Card withBorder component="section" aria-labelledby="release-panel-title" data-testid="release-panel">
      <Title order={3} size="h5" id="release-panel-title" mb={4}>
        {STATUS_LABEL.ready}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {item
          ? `${item.decision.decidedByName}, agreed within tolerance (${item.decision.sources.map((s) => `${s.reviewerName}, review #${s.reviewId}`).join('; ')}). Nothing has gone to the candidate yet.`
          : 'The reconciled decision waits for you to release it.'}
      </Text>
      {q.isLoading && <Loader size="sm" aria-label="Loading the reconciled decision" />}
      <ApiErrorAlert error={q.error} title="The reconciled decision could not be loaded" />
      {item && <ReleaseEditor key={item.decision.feedback} item={item} />}
    </Card>
  );
}
