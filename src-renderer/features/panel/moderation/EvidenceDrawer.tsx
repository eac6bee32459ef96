import { Drawer, Group, Select, Text } from '@mantine/core';
import { describeTarget, type AnchorTarget } from '../../../../src-shared/contracts/anchors';
import type { EvidenceView } from '../../../../src-shared/contracts/portfolio';
import { api } from '../../../api/transport';
import { EvidenceViewer } from '../../viewers/EvidenceViewer';
import classes from './moderation.module.css';

export interface EvidenceOpen {
  evidenceId: string;
  target?: AnchorTarget;
  /** Bumped on every request, so following a second citation of the same item moves the viewer again. */
  nonce: number;
}

interface Props {
  evidence: EvidenceView[];
  open: EvidenceOpen | null;
  onOpen(next: EvidenceOpen): void;
  onClose(): void;
}

/** The cited evidence beside the comparison: a drawer over the right of the page, Esc to go back. */
export function EvidenceDrawer({ evidence, open, onOpen, onClose }: Props) {
  const item = open ? evidence.find((e) => e.id === open.evidenceId) : undefined;
  return (
    <Drawer
      opened={Boolean(open)}
      onClose={onClose}
      position="right"
      size="58%"
      overlayProps={{ backgroundOpacity: 0.2 }}
      title={
        <Group gap="sm" wrap="nowrap">
          <Select
            aria-label="Evidence item"
            size="xs"
            w={340}
            allowDeselect={false}
            value={open?.evidenceId ?? null}
            data={evidence.map((e) => ({ value: e.id, label: e.title }))}
            onChange={(v) => v && onOpen({ evidenceId: v, nonce: Date.now() })}
            comboboxProps={{ withinPortal: true, zIndex: 1000 }}
          />
          {open?.target && (
            <Text size="sm" c="dimmed" data-testid="drawer-target">
              opened at {describeTarget(open.target)}
            </Text>
          )}
        </Group>
      }
      closeButtonProps={{ 'aria-label': 'Close evidence' }}
      styles={{ body: { padding: 0 }, content: { overflow: 'hidden' } }}
      data-testid="evidence-drawer"
    >
      <div className={classes.viewerBox}>
        {item ? (
          <EvidenceViewer key={`${item.id}:${open!.nonce}`} item={item} urlFor={api.evidenceUrl} initialTarget={open!.target} />
        ) : (
          <Text p="md" c="dimmed">
            This evidence item is not part of the portfolio.
          </Text>
        )}
      </div>
    </Drawer>
  );
}
