import { useState } from 'react';
import { Badge, Box, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { PortfolioDetail, EvidenceView } from '../../../src-shared/contracts/portfolio';
import { api } from '../../api/transport';
import { EvidenceViewer } from '../viewers/EvidenceViewer';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 ** 2).toFixed(1)} MB`;
}

/** The evidence opened in place, in the same viewer the review page uses; the viewer fills a fixed-height box. */
function Preview({ item }: { item: EvidenceView }) {
  return (
    <Box h="70vh" mih={360} style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4, overflow: 'hidden' }}>
      <EvidenceViewer item={item} urlFor={api.evidenceUrl} />
    </Box>
  );
}

export function EvidenceList({ portfolio }: { portfolio: PortfolioDetail }) {
  const [open, setOpen] = useState<string | null>(null);
  const criterionTitle = (id: string) => portfolio.rubric.criteria.find((c) => c.id === id)?.title ?? id;
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        Evidence
      </Title>
      <Stack gap="sm">
        {portfolio.evidence.map((e) => (
          <div key={e.id} data-testid={`evidence-${e.id}`}>
            <Group justify="space-between">
              <div>
                <Text fw={600}>{e.title}</Text>
                <Text size="xs" c="dimmed">
                  {e.fileName} · {e.mediaType} · {formatBytes(e.bytes)}
                </Text>
                <Group gap={4} mt={4}>
                  {e.criteria.map((c) => (
                    <Badge key={c} size="xs" variant="outline">
                      {criterionTitle(c)}
                    </Badge>
                  ))}
                </Group>
              </div>
              <Button variant="light" size="xs" onClick={() => setOpen(open === e.id ? null : e.id)} aria-expanded={open === e.id}>
                {open === e.id ? 'Close' : 'Open'}
              </Button>
            </Group>
            {open === e.id && (
              <div style={{ marginTop: 8 }}>
                <Preview item={e} />
              </div>
            )}
          </div>
        ))}
      </Stack>
    </Card>
  );
}
