import { Stack, Text, Title } from '@mantine/core';
import { ScrollRegion } from '../../app/ScrollRegion';
import type { PortfolioDetail } from '../../../src-shared/contracts/portfolio';

export function ResponsesView({ portfolio }: { portfolio: PortfolioDetail }) {
  return (
    <ScrollRegion h="100%" label="Written responses">
      <Stack gap="lg" p="lg" maw={760} data-testid="responses-view">
        <Title order={2} size="h4">
          Written responses
        </Title>
        {portfolio.responses.map((r, i) => (
          <div key={i}>
            <Text fw={700} mb={4}>
              {r.prompt}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap', lineHeight: 1.6 }}>{r.text}</Text>
          </div>
        ))}
        {portfolio.responses.length === 0 && <Text c="dimmed">No written responses.</Text>}
      </Stack>
    </ScrollRegion>
  );
}
