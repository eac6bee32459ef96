import type { ReactNode } from 'react';
import { Center, Loader, Paper, Stack, Text } from '@mantine/core';

/** What a viewer shows instead of the evidence: a clear sentence, never a blank pane. */
export function ViewerMessage({ title, detail, tone = 'error', children }: { title: string; detail?: string; tone?: 'error' | 'info'; children?: ReactNode }) {
  return (
    <Center h="100%" p="md">
      <Paper withBorder p="lg" maw={440} role={tone === 'error' ? 'alert' : 'status'} data-testid="viewer-message">
        <Stack gap={6}>
          <Text fw={700} c={tone === 'error' ? 'red.8' : undefined}>
            {title}
          </Text>
          {detail && (
            <Text size="sm" c="dimmed">
              {detail}
            </Text>
          )}
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}

export function ViewerLoading({ label }: { label: string }) {
  return (
    <Center h="100%">
      <Loader aria-label={label} />
    </Center>
  );
}
