import { forwardRef, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { ActionIcon, Group, Text, Tooltip } from '@mantine/core';
import type { EvidenceViewerHandle } from '../types';
import { FitPageIcon, ResetIcon, ZoomInIcon, ZoomOutIcon } from '../shared/icons';
import { ViewerMessage } from '../shared/ViewerMessage';
import { clampPan, fitScale, MAX_SCALE, MIN_SCALE, stepScale, zoomAt, type View } from './view';
import classes from './ImageViewer.module.css';

interface Props {
  url: string;
  title: string;
}

const PAN_STEP = 48;

/** Image evidence: fit, zoom (buttons, +/-, Ctrl+wheel at the pointer) and pan (drag, arrow keys). Nothing to cite. */
export const ImageViewer = forwardRef<EvidenceViewerHandle, Props>(function ImageViewer({ url, title }, ref) {
  const stage = useRef<HTMLDivElement>(null);
  const [natural, setNatural] = useState<{ w: number; h: number } | null>(null);
  const [box, setBox] = useState({ w: 0, h: 0 });
  const [view, setView] = useState<View>({ scale: 1, x: 0, y: 0, fit: true });
  const [failed, setFailed] = useState(false);
  const drag = useRef<{ id: number; x: number; y: number; vx: number; vy: number } | null>(null);

  useImperativeHandle(ref, () => ({ currentTarget: () => null, goTo: () => undefined }), []);

  useLayoutEffect(() => {
    const el = stage.current!;
    const read = () => setBox({ w: el.clientWidth, h: el.clientHeight });
    read();
    const ro = new ResizeObserver(read);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // While fitted, the fit follows the pane's size.
  const scale = view.fit && natural ? fitScale(natural, box) : view.scale;
  const shown = { ...view, scale };

  const apply = useCallback(
    (next: View) => setView(natural ? clampPan(next, natural, box) : next),
    [natural, box],
  );

  const zoomBy = (dir: 1 | -1, at?: { x: number; y: number }) => {
    if (!natural) return;
    apply(zoomAt(shown, stepScale(scale, dir), at ?? { x: box.w / 2, y: box.h / 2 }, box));
  };

  // Ctrl/Cmd+wheel zooms at the pointer; a plain wheel is left to the page. Non-passive, to stop the browser zooming.
  useEffect(() => {
    const el = stage.current!;
    const onWheel = (e: WheelEvent) => {
      if (!(e.ctrlKey || e.metaKey) || !natural) return;
      e.preventDefault();
      const r = el.getBoundingClientRect();
      setView((v) => {
        const cur = v.fit ? { ...v, scale: fitScale(natural, box) } : v;
        const factor = Math.exp(-e.deltaY / 300);
        return clampPan(zoomAt(cur, cur.scale * factor, { x: e.clientX - r.left, y: e.clientY - r.top }, box), natural, box);
      });
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [natural, box]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const pan: Record<string, [number, number]> = { ArrowLeft: [PAN_STEP, 0], ArrowRight: [-PAN_STEP, 0], ArrowUp: [0, PAN_STEP], ArrowDown: [0, -PAN_STEP] };
    if (e.key === '+' || e.key === '=') zoomBy(1);
    else if (e.key === '-' || e.key === '_') zoomBy(-1);
    else if (e.key === '0') setView((v) => ({ ...v, fit: true, x: 0, y: 0 }));
    else if (e.key in pan) apply({ ...shown, fit: false, x: shown.x + pan[e.key]![0], y: shown.y + pan[e.key]![1] });
    else return;
    e.preventDefault();
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { id: e.pointerId, x: e.clientX, y: e.clientY, vx: shown.x, vy: shown.y };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.id !== e.pointerId) return;
    apply({ ...shown, fit: false, x: d.vx + e.clientX - d.x, y: d.vy + e.clientY - d.y });
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current?.id === e.pointerId) drag.current = null;
  };

  const w = natural ? natural.w * scale : 0;
  const h = natural ? natural.h * scale : 0;
  return (
    <div className={classes.root} data-testid="image-viewer">
      <Group className={classes.toolbar} gap={4} justify="flex-end">
        <Tooltip label="Zoom out" openDelay={400}>
          <ActionIcon variant="subtle" color="gray" aria-label="Zoom out" onClick={() => zoomBy(-1)} disabled={!natural || scale <= MIN_SCALE}>
            <ZoomOutIcon />
          </ActionIcon>
        </Tooltip>
        <Text size="sm" w={48} ta="center" role="status" data-testid="image-zoom">
          {Math.round(scale * 100)}%
        </Text>
        <Tooltip label="Zoom in" openDelay={400}>
          <ActionIcon variant="subtle" color="gray" aria-label="Zoom in" onClick={() => zoomBy(1)} disabled={!natural || scale >= MAX_SCALE}>
            <ZoomInIcon />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Fit" openDelay={400}>
          <ActionIcon variant={view.fit ? 'light' : 'subtle'} color={view.fit ? 'blue' : 'gray'} aria-label="Fit" aria-pressed={view.fit} onClick={() => setView((v) => ({ ...v, fit: true, x: 0, y: 0 }))}>
            <FitPageIcon />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Actual size" openDelay={400}>
          <ActionIcon variant="subtle" color="gray" aria-label="Actual size" onClick={() => apply({ scale: 1, x: 0, y: 0, fit: false })} disabled={!natural}>
            <ResetIcon />
          </ActionIcon>
        </Tooltip>
      </Group>
      <div
        ref={stage}
        className={classes.stage}
        tabIndex={0}
        role="group"
        aria-label={`${title}: image, use + and - to zoom, arrow keys to pan, 0 to fit`}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        {failed ? (
          <ViewerMessage title="This image cannot be shown" detail="The file is missing or is not a readable PNG or JPEG image." />
        ) : (
          <img
            src={url}
            alt={title}
            className={classes.image}
            draggable={false}
            onLoad={(e) => setNatural({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })}
            onError={() => setFailed(true)}
            style={
              natural
                ? { width: w, height: h, transform: `translate(${(box.w - w) / 2 + shown.x}px, ${(box.h - h) / 2 + shown.y}px)` }
                : { visibility: 'hidden' }
            }
          />
        )}
      </div>
    </div>
  );
});
