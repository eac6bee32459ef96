import { Badge, Card, List, Text, Timeline, Title } from '@mantine/core';
import type { Output } from '../../../../../src-shared/contracts';
import { useApiQuery } from '../../../../api/queries';
import { dayTime } from '../../shared/format';
import { policyChanges } from './policyText';

type Version = Output<'policy.get'>['versions'][number];

/** Every version, newest first, with who made it, why, and what it changed. */
export function PolicyHistory({ versions }: { versions: Version[] }) {
  const reviewers = useApiQuery('reviewers.list', {});
  const who = (id: string) => reviewers.data?.find((r) => r.id === id)?.name ?? id;
  return (
    <Card withBorder component="section" aria-labelledby="policy-history-title">
      <Title order={3} size="h5" id="policy-history-title" mb="sm">
        Version history
      </Title>
      {versions.length === 0 ? (
        <Text size="sm" c="dimmed">
          No version saved yet: the defaults apply (two reviews, tolerance 1, same school is a conflict, the lower level when reviews agree).
        </Text>
      ) : (
        <Timeline active={0} bulletSize={18} lineWidth={2} data-testid="policy-history">
          {versions.map((v, i) => (
            <Timeline.Item
              key={v.version}
              title={
                <Text size="sm" fw={600}>
                  Version {v.version}{' '}
                  {i === 0 && (
                    <Badge size="xs" variant="light">
                      in force
                    </Badge>
                  )}
                </Text>
              }
            >
              <Text size="xs" c="dimmed">
                {dayTime(v.createdAt)} · {who(v.createdBy)}
              </Text>
              {v.changeNote && <Text size="sm">“{v.changeNote}”</Text>}
              <List size="xs" mt={2} c="dimmed">
                {policyChanges(versions[i + 1]?.policy, v.policy).map((c) => (
                  <List.Item key={c}>{c}</List.Item>
                ))}
              </List>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}
