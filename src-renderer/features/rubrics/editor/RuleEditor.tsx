import { Card, Group, NumberInput, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import type { Draft, Num } from './draft';

const num = (v: string | number): Num => (typeof v === 'number' ? v : v === '' ? '' : Number(v));

/** How levels become an outcome, and the feedback templates offered to reviewers. */
export function RuleEditor({ draft, errors, onChange }: { draft: Draft; errors: Map<string, string>; onChange(patch: Partial<Draft>): void }) {
  return (
    <Card withBorder component="section" aria-labelledby="rule-title">
      <Stack gap="xs">
        <Title order={3} size="h6" id="rule-title">
          Decision rule
        </Title>
        <Radio.Group value={draft.ruleType} onChange={(v) => onChange({ ruleType: v as Draft['ruleType'] })} label="Pass when" aria-labelledby="rule-title">
          <Stack gap={4} mt={4}>
            <Radio value="all_at_least" label="every criterion reaches a minimum level" />
            <Radio value="total_at_least" label="the (weighted) total reaches a minimum" />
          </Stack>
        </Radio.Group>
        <Group align="flex-start">
          {draft.ruleType === 'all_at_least' ? (
            <NumberInput
              label="Minimum level (score)"
              allowDecimal={false}
              value={draft.minLevel}
              onChange={(v) => onChange({ minLevel: num(v) })}
              error={errors.get('decision_rule.min_level')}
              data-path="decision_rule.min_level"
              w={220}
            />
          ) : (
            <NumberInput
              label="Pass total"
              decimalScale={2}
              value={draft.minTotal}
              onChange={(v) => onChange({ minTotal: num(v) })}
              error={errors.get('decision_rule.min_total')}
              data-path="decision_rule.min_total"
              w={220}
            />
          )}
          <NumberInput
            label="Critical criteria at least (score)"
            description="Empty: no extra minimum"
            allowDecimal={false}
            value={draft.criticalMin}
            onChange={(v) => onChange({ criticalMin: num(v) })}
            error={errors.get('decision_rule.critical_min_level')}
              data-path="decision_rule.critical_min_level"
            w={260}
          />
        </Group>
        <Text size="xs" c="dimmed">
          The rule must name levels every criterion has; the preview on the right applies it as reviewers will see it.
        </Text>
        <Textarea label="Feedback template for a Pass" autosize minRows={1} value={draft.feedbackPass} onChange={(e) => onChange({ feedbackPass: e.currentTarget.value })} />
        <Textarea label="Feedback template for Not yet" autosize minRows={1} value={draft.feedbackNotYet} onChange={(e) => onChange({ feedbackNotYet: e.currentTarget.value })} />
      </Stack>
    </Card>
  );
}
