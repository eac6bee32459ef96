import { ActionIcon, Button, Card, Group, NumberInput, Stack, Switch, Table, Text, TextInput, Textarea, Tooltip, VisuallyHidden } from '@mantine/core';
import { newKey, type DraftCriterion, type Num } from './draft';

interface Props {
  index: number;
  count: number;
  criterion: DraftCriterion;
  errors: Map<string, string>;
  onChange(c: DraftCriterion): void;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
}

const num = (v: string | number): Num => (typeof v === 'number' ? v : v === '' ? '' : Number(v));

/** One criterion: id, title, guidance, weight, critical flag, and its levels (score, label, descriptor). */
export function CriterionEditor({ index, count, criterion: c, errors, onChange, onMove, onRemove }: Props) {
  const at = (field: string) => errors.get(`criteria.${index}.${field}`);
  const name = c.title || `criterion ${index + 1}`;
  const setLevel = (i: number, patch: Partial<DraftCriterion['levels'][number]>) => onChange({ ...c, levels: c.levels.map((l, j) => (j === i ? { ...l, ...patch } : l)) });
  const moveLevel = (i: number, d: number) => {
    const levels = [...c.levels];
    const [l] = levels.splice(i, 1);
    levels.splice(i + d, 0, l!);
    onChange({ ...c, levels });
  };
  const nextScore = () => {
    const scores = c.levels.map((l) => l.score).filter((s): s is number => typeof s === 'number');
    return scores.length ? Math.max(...scores) + 1 : 1;
  };
  return (
    <Card withBorder component="section" aria-label={`Criterion ${index + 1}: ${c.title || 'untitled'}`} data-testid={`edit-criterion-${index}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Text fw={700} size="sm">
            Criterion {index + 1}
          </Text>
          <Group gap={4}>
            <Tooltip label="Move up">
              <ActionIcon variant="subtle" aria-label={`Move ${name} up`} disabled={index === 0} onClick={() => onMove(-1)}>
                ↑
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Move down">
              <ActionIcon variant="subtle" aria-label={`Move ${name} down`} disabled={index === count - 1} onClick={() => onMove(1)}>
                ↓
              </ActionIcon>
            </Tooltip>
            <Button size="compact-xs" variant="subtle" color="red" onClick={onRemove} disabled={count === 1}>
              Remove
            </Button>
          </Group>
        </Group>
        <Group grow align="flex-start">
          <TextInput label="Title" required value={c.title} onChange={(e) => onChange({ ...c, title: e.currentTarget.value })} error={at('title')} data-path={`criteria.${index}.title`} />
          <TextInput
            label="Id"
            description="Letters, digits, . _ - (evidence claims it)"
            required
            value={c.id}
            onChange={(e) => onChange({ ...c, id: e.currentTarget.value })}
            error={at('id')}
            data-path={`criteria.${index}.id`}
            maw={240}
          />
        </Group>
        <Textarea label="Guidance for reviewers" autosize minRows={1} value={c.guidance} onChange={(e) => onChange({ ...c, guidance: e.currentTarget.value })} />
        <Group align="flex-end">
          <NumberInput
            label="Weight"
            description="Empty means 1"
            min={0}
            decimalScale={2}
            value={c.weight}
            onChange={(v) => onChange({ ...c, weight: num(v) })}
            error={at('weight')}
            data-path={`criteria.${index}.weight`}
            w={140}
          />
          <Switch label="Critical (has its own minimum in the rule)" checked={c.critical} onChange={(e) => onChange({ ...c, critical: e.currentTarget.checked })} mb={6} />
        </Group>
        <Table withTableBorder verticalSpacing={4} aria-label={`Levels of ${name}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={90}>
                Score
              </Table.Th>
              <Table.Th scope="col" w={170}>
                Label
              </Table.Th>
              <Table.Th scope="col">Descriptor</Table.Th>
              <Table.Th scope="col" w={110}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.levels.map((l, i) => (
              <Table.Tr key={l.key}>
                <Table.Td>
                  <NumberInput
                    aria-label={`Score of level ${i + 1} of ${name}`}
                    size="xs"
                    allowDecimal={false}
                    value={l.score}
                    onChange={(v) => setLevel(i, { score: num(v) })}
                    error={errors.get(`criteria.${index}.levels.${i}.score`)}
                    data-path={`criteria.${index}.levels.${i}.score`}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`Label of level ${i + 1} of ${name}`}
                    size="xs"
                    value={l.label}
                    onChange={(e) => setLevel(i, { label: e.currentTarget.value })}
                    error={errors.get(`criteria.${index}.levels.${i}.label`)}
                    data-path={`criteria.${index}.levels.${i}.label`}
                  />
                </Table.Td>
                <Table.Td>
                  <Textarea
                    aria-label={`Descriptor of level ${i + 1} of ${name}`}
                    size="xs"
                    autosize
                    minRows={1}
                    value={l.descriptor}
                    onChange={(e) => setLevel(i, { descriptor: e.currentTarget.value })}
                    error={errors.get(`criteria.${index}.levels.${i}.descriptor`)}
                    data-path={`criteria.${index}.levels.${i}.descriptor`}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon size="sm" variant="subtle" aria-label={`Move level ${i + 1} of ${name} up`} disabled={i === 0} onClick={() => moveLevel(i, -1)}>
                      ↑
                    </ActionIcon>
                    <ActionIcon size="sm" variant="subtle" aria-label={`Move level ${i + 1} of ${name} down`} disabled={i === c.levels.length - 1} onClick={() => moveLevel(i, 1)}>
                      ↓
                    </ActionIcon>
                    <ActionIcon
                      size="sm"
                      variant="subtle"
                      color="red"
                      aria-label={`Remove level ${i + 1} of ${name}`}
                      disabled={c.levels.length <= 2}
                      onClick={() => onChange({ ...c, levels: c.levels.filter((_, j) => j !== i) })}
                    >
                      ×
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {at('levels') && (
          <Text size="xs" c="red">
            {at('levels')}
          </Text>
        )}
        <Group>
          <Button size="compact-xs" variant="light" onClick={() => onChange({ ...c, levels: [...c.levels, { key: newKey(), score: nextScore(), label: '', descriptor: '' }] })}>
            Add level
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
