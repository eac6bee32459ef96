import { Text, UnstyledButton } from '@mantine/core';
import { useNavigate } from 'react-router';
import type { Dashboard } from '../../../../src-shared/contracts/panels';
import { PANEL_STAGE_LABEL, type PanelStage } from '../../../../src-shared/domain/status';
import classes from './dashboard.module.css';

const CARDS: { key: keyof Dashboard['counts'] & PanelStage; hint: string; to: string; color: string }[] = [
  { key: 'awaiting_allocation', hint: 'need reviewers', to: '/panel/setup?tab=allocation', color: 'blue' },
  { key: 'in_review', hint: 'reviewers at work', to: '/?status=submitted&status=in_review', color: 'yellow' },
  { key: 'awaiting_moderation', hint: 'reviews disagree', to: '/moderation', color: 'orange' },
  { key: 'ready_to_release', hint: 'reviews agree; a lead releases', to: '/release', color: 'cyan' },
  { key: 'decided', hint: 'pass or not yet', to: '/?status=decided&status=exported', color: 'teal' },
  { key: 'returned', hint: 'back with the candidate', to: '/?status=returned', color: 'grape' },
];

/** Where the portfolios are now; each count opens the list behind it. */
export function StatCards({ counts }: { counts: Dashboard['counts'] }) {
  const navigate = useNavigate();
  return (
    <ul className={classes.cards} aria-label="Portfolios by stage">
      {CARDS.map((c) => (
        <li key={c.key}>
          <UnstyledButton
            component="a"
            href={`#${c.to}`}
            className={classes.card}
            style={{ borderTopColor: `var(--mantine-color-${c.color}-6)` }}
            onClick={(e) => {
              e.preventDefault();
              navigate(c.to);
            }}
            data-testid={`count-${c.key}`}
          >
            <Text size="sm" fw={600}>
              {PANEL_STAGE_LABEL[c.key]}
            </Text>
            <Text fz={32} fw={700} lh={1.2} className={classes.number}>
              {counts[c.key]}
            </Text>
            <Text size="xs" c="dimmed">
              {c.hint}
            </Text>
          </UnstyledButton>
        </li>
      ))}
    </ul>
  );
}
