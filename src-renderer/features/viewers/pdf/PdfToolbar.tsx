import { useEffect, useState, type ReactNode } from 'react';
import { ActionIcon, Divider, Group, Text, TextInput, Tooltip } from '@mantine/core';
import { FitPageIcon, FitWidthIcon, RotateIcon, SearchIcon, ThumbnailsIcon, ZoomInIcon, ZoomOutIcon } from '../shared/icons';
import { MAX_ZOOM, MIN_ZOOM } from './layout';

interface Props {
  numPages: number;
  /** 1-based page being read. */
  current: number;
  onGoTo(page: number): void;
  zoom: number;
  fit: 'fit-width' | 'fit-page' | null;
  onZoom(dir: 1 | -1): void;
  onFitWidth(): void;
  onFitPage(): void;
  onRotate(): void;
  thumbnails: boolean;
  onThumbnails(): void;
  findOpen: boolean;
  onFind(): void;
}

function ToolButton(props: { label: string; onClick(): void; disabled?: boolean; pressed?: boolean; children: ReactNode }) {
  return (
    <Tooltip label={props.label} openDelay={400} withinPortal>
      <ActionIcon
        variant={props.pressed ? 'light' : 'subtle'}
        color={props.pressed ? 'blue' : 'gray'}
        size="md"
        aria-label={props.label}
        aria-pressed={props.pressed}
        disabled={props.disabled}
        onClick={props.onClick}
      >
        {props.children}
      </ActionIcon>
    </Tooltip>
  );
}

/** "Page [n] of N" as a field that follows the reading position, except while something is being typed into it. */
function PageField({ numPages, current, onGoTo }: Pick<Props, 'numPages' | 'current' | 'onGoTo'>) {
  const [draft, setDraft] = useState(String(current));
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!editing) setDraft(String(current));
  }, [current, editing]);

  /** Enter always goes (to the top of the page); leaving the field only goes if something was typed. */
  const commit = (always: boolean) => {
    const n = Number.parseInt(draft, 10);
    const page = Number.isFinite(n) ? Math.min(numPages, Math.max(1, n)) : current;
    if (always || (editing && page !== current)) onGoTo(page);
    // Committed: the field follows the page being read again, even while it keeps focus.
    setEditing(false);
    setDraft(String(page));
  };

  return (
    <>
      <TextInput
        aria-label="Page number"
        size="xs"
        w={52}
        value={draft}
        inputMode="numeric"
        styles={{ input: { textAlign: 'center', paddingInline: 4 } }}
        onFocus={(e) => e.currentTarget.select()}
        onBlur={() => commit(false)}
        onChange={(e) => {
          setEditing(true);
          setDraft(e.currentTarget.value.replace(/\D/g, ''));
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit(true);
          } else if (e.key === 'Escape') {
            setEditing(false);
            setDraft(String(current));
          }
        }}
      />
      <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="pdf-page-count">
        of {numPages}
      </Text>
    </>
  );
}

/** Thumbnails, page, zoom, fit, rotate and find. Wraps onto two rows in a narrow pane rather than clipping. */
export function PdfToolbar(p: Props) {
  return (
    <Group gap={4} wrap="wrap" justify="space-between">
      <Group gap={4} wrap="nowrap">
        <ToolButton label="Thumbnails" onClick={p.onThumbnails} pressed={p.thumbnails}>
          <ThumbnailsIcon />
        </ToolButton>
        <Divider orientation="vertical" mx={2} />
        <PageField numPages={p.numPages} current={p.current} onGoTo={p.onGoTo} />
      </Group>
      <Group gap={4} wrap="nowrap">
        <ToolButton label="Zoom out" onClick={() => p.onZoom(-1)} disabled={p.zoom <= MIN_ZOOM + 0.001}>
          <ZoomOutIcon />
        </ToolButton>
        <Text size="sm" w={44} ta="center" data-testid="pdf-zoom" title="Zoom level" role="status">
          {Math.round(p.zoom * 100)}%
        </Text>
        <ToolButton label="Zoom in" onClick={() => p.onZoom(1)} disabled={p.zoom >= MAX_ZOOM - 0.001}>
          <ZoomInIcon />
        </ToolButton>
        <ToolButton label="Fit width" onClick={p.onFitWidth} pressed={p.fit === 'fit-width'}>
          <FitWidthIcon />
        </ToolButton>
        <ToolButton label="Fit page" onClick={p.onFitPage} pressed={p.fit === 'fit-page'}>
          <FitPageIcon />
        </ToolButton>
        <ToolButton label="Rotate" onClick={p.onRotate}>
          <RotateIcon />
        </ToolButton>
        <Divider orientation="vertical" mx={2} />
        <ToolButton label="Find" onClick={p.onFind} pressed={p.findOpen}>
          <SearchIcon />
        </ToolButton>
      </Group>
    </Group>
  );
}
