import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { PortfolioDetail } from '../../../src-shared/contracts/portfolio';
import type { AttemptHistory } from '../../../src-shared/contracts/panels';
import { ChangeBadge } from '../panel/review/ChangeBadge';
import { EarlierEvidence } from '../panel/review/EarlierEvidence';
import { formatBytes } from '../portfolio/EvidenceList';
import classes from './EvidencePane.module.css';

export const RESPONSES = 'responses';

const KIND_LABEL = { pdf: 'PDF', video: 'Video', image: 'Image', text: 'Text' } as const;

/** The portfolio's evidence, each with the criteria it claims to address; the written responses come first. */
export function EvidencePane({
  portfolio,
  selected,
  onSelect,
  history,
}: {
  portfolio: PortfolioDetail;
  selected: string;
  onSelect(id: string): void;
  /** A resubmission's history: new/changed/unchanged badges, and the earlier attempts' evidence below. */
  history?: AttemptHistory | null;
}) {
  const criterionTitle = (id: string) => portfolio.rubric.criteria.find((c) => c.id === id)?.title ?? id;
  return (
    <Stack gap={4} p="xs" role="listbox" aria-label="Evidence" data-testid="evidence-pane">
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        Evidence
      </Text>
      <UnstyledButton role="option" aria-selected={selected === RESPONSES} className={classes.item} data-selected={selected === RESPONSES || undefined} onClick={() => onSelect(RESPONSES)}>
        <Text size="sm" fw={600}>
          Written responses
        </Text>
        <Text size="xs" c="dimmed">
          {portfolio.responses.length} responses
        </Text>
      </UnstyledButton>
      {portfolio.evidence.map((e) => (
        <UnstyledButton
          key={e.id}
          role="option"
          aria-selected={selected === e.id}
          className={classes.item}
          data-selected={selected === e.id || undefined}
          onClick={() => onSelect(e.id)}
          data-testid={`evidence-item-${e.id}`}
        >
          <Group gap={6} wrap="nowrap">
            <Badge size="xs" variant="light" color={e.kind === 'video' ? 'grape' : e.kind === 'pdf' ? 'blue' : 'gray'} style={{ flexShrink: 0 }}>
              {KIND_LABEL[e.kind]}
            </Badge>
            <Text size="sm" fw={600} lineClamp={2}>
              {e.title}
            </Text>
          </Group>
          <Group gap={6}>
            <Text size="xs" c="dimmed">
              {formatBytes(e.bytes)}
            </Text>
            <ChangeBadge history={history} evidenceId={e.id} />
          </Group>
          {e.criteria.length > 0 && (
            <Group gap={3} mt={3}>
              {e.criteria.map((c) => (
                <Badge key={c} size="xs" variant="outline" color="gray" tt="none">
                  {criterionTitle(c)}
                </Badge>
              ))}
            </Group>
          )}
        </UnstyledButton>
      ))}
      <EarlierEvidence history={history} selected={selected} onSelect={onSelect} />
    </Stack>
  );
}
