import { ScrollArea, Stack, Text, Title } from '@mantine/core';
import type { PortfolioDetail } from '../../../src-shared/contracts/portfolio';

export function ResponsesView({ portfolio }: { portfolio: PortfolioDetail }) {
  return (
    <ScrollArea h="100%" type="auto">
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
    </ScrollArea>
  );
}
