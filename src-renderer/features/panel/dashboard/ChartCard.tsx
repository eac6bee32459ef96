import { useId, type ReactNode } from 'react';
import { Card, Group, Stack, Text, Title } from '@mantine/core';

interface Props {
  title: string;
  /** One sentence a screen reader hears instead of the chart's pixels, and everybody reads under the title. */
  summary: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
  /** Accessible name of the card and its figure where the visible title relies on a heading above it (default: the title). */
  label?: string;
  /** Heading level of the title (default 3); 4 where the card sits under a section heading of its own. */
  order?: 3 | 4;
}

/** A dashboard panel: a heading, the takeaway in words, then the chart. */
export function ChartCard({ title, label, summary, actions, children, testId, order = 3 }: Props) {
  const titleId = useId();
  const summaryId = useId();
  return (
    <Card withBorder padding="md" component="section" {...(label ? { 'aria-label': label } : { 'aria-labelledby': titleId })} data-testid={testId} h="100%">
      <Stack gap="xs" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={order} size="h5" id={titleId}>
              {title}
            </Title>
            <Text size="sm" c="dimmed" id={summaryId}>
              {summary}
            </Text>
          </div>
          {actions && <div style={{ flexShrink: 0 }}>{actions}</div>}
        </Group>
        <figure {...(label ? { 'aria-label': label } : { 'aria-labelledby': titleId })} aria-describedby={summaryId} style={{ margin: 0 }}>
          {children}
        </figure>
      </Stack>
    </Card>
  );
}
