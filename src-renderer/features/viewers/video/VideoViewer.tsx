import 'video.js/dist/video-js.css';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent } from 'react';
import { Button, Group, Text } from '@mantine/core';
import videojs from 'video.js';
import type Player from 'video.js/dist/types/player';
import { formatSeconds, type AnchorTarget } from '../../../../src-shared/contracts/anchors';
import type { EvidenceView } from '../../../../src-shared/contracts/portfolio';
import type { EvidenceViewerHandle } from '../types';
import { commandFor, mark, roundTime, type Range } from './keys';
import classes from './VideoViewer.module.css';

export const PLAYBACK_RATES = [0.5, 0.75, 1, 1.25, 1.5, 2];

interface Props {
  item: EvidenceView;
  urlFor(sha256: string): string;
  initialTarget?: AnchorTarget;
}

const NO_RANGE: Range = { start: null, end: null };

/** Video evidence in video.js: rates, captions, J/K/L and I/O range marking for citations. */
export const VideoViewer = forwardRef<EvidenceViewerHandle, Props>(function VideoViewer({ item, urlFor, initialTarget }, ref) {
  const wrapper = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const player = useRef<Player | null>(null);
  const [range, setRange] = useState<Range>(NO_RANGE);
  const rangeRef = useRef(range);
  rangeRef.current = range;
  const src = urlFor(item.sha256);
  const tracksKey = item.captions.map((c) => c.sha256).join(',');

  /** Seeks once the player knows the duration (a seek before metadata is dropped by the media element). */
  const seek = (t: number, pause: boolean) => {
    const p = player.current;
    if (!p) return;
    p.ready(() => {
      const go = () => {
        if (p.isDisposed()) return;
        const d = p.duration();
        p.currentTime(Math.max(0, d && Number.isFinite(d) ? Math.min(t, d) : t));
        if (pause) p.pause();
      };
      if ((p.readyState() ?? 0) >= 1) go();
      else p.one('loadedmetadata', go);
    });
  };

  useEffect(() => {
    // The <video> element is created here, not by React: video.js replaces and finally removes it, so it must not be
    // React's. StrictMode's mount-unmount-mount then simply makes a second player after disposing the first.
    const video = document.createElement('video');
    video.className = 'video-js vjs-big-play-centered';
    video.setAttribute('playsinline', '');
    stage.current!.append(video);
    const p = videojs(video, {
      controls: true,
      preload: 'auto',
      fill: true,
      playbackRates: PLAYBACK_RATES,
      // Keys are handled below (the same map whichever control has focus).
      userActions: { hotkeys: false },
      sources: [{ src, type: item.mediaType }],
      tracks: item.captions.map((c, i) => ({ kind: 'captions', src: urlFor(c.sha256), srclang: c.srclang, label: c.label, default: i === 0 })),
      controlBar: { pictureInPictureToggle: false },
    });
    player.current = p;
    const el = wrapper.current!;
    const publishTime = () => {
      if (!p.isDisposed()) el.dataset.currentTime = String(p.currentTime() ?? 0);
    };
    p.on(['timeupdate', 'seeked', 'seeking', 'loadedmetadata'], publishTime);
    publishTime();
    if (initialTarget?.kind === 'video_time') {
      seek(initialTarget.startS, true);
      setRange(initialTarget.endS !== undefined ? { start: initialTarget.startS, end: initialTarget.endS } : NO_RANGE);
    }
    return () => {
      player.current = null;
      p.dispose();
    };
    // initialTarget only applies to the first load (later targets come through the handle); urlFor is the transport's.
  }, [src, item.mediaType, tracksKey]);

  useImperativeHandle(
    ref,
    () => ({
      currentTarget(): AnchorTarget | null {
        const p = player.current;
        if (!p) return null;
        const r = rangeRef.current;
        const now = roundTime(p.currentTime() ?? 0);
        const startS = r.start ?? now;
        return r.end !== null && r.end > startS ? { kind: 'video_time', startS, endS: r.end } : { kind: 'video_time', startS };
      },
      goTo(t: AnchorTarget) {
        if (t.kind !== 'video_time') return;
        seek(t.startS, true);
        setRange(t.endS !== undefined ? { start: t.startS, end: t.endS } : NO_RANGE);
      },
    }),
    // Everything the handle reads is in refs, so one handle serves the viewer's whole life.
    [],
  );

  // Capture phase: the focused video.js control must not act on the same key (Space on the play button would toggle twice).
  const onKeyDownCapture = (e: KeyboardEvent<HTMLDivElement>) => {
    const p = player.current;
    const target = e.target as HTMLElement;
    // Menus (playback rate, captions) keep their own keys; the range controls below are ordinary buttons.
    if (!p || target.closest('[role^="menuitem"], input, textarea, select') || !target.closest(`.${classes.stage}`)) return;
    const cmd = commandFor(e);
    if (!cmd) return;
    e.preventDefault();
    e.stopPropagation();
    const now = p.currentTime() ?? 0;
    switch (cmd.kind) {
      case 'toggle':
        if (p.paused()) void p.play()?.catch(() => undefined);
        else p.pause();
        break;
      case 'pause':
        p.pause();
        break;
      case 'seekBy': {
        const d = p.duration();
        p.currentTime(Math.max(0, Math.min(d && Number.isFinite(d) ? d : Infinity, now + cmd.seconds)));
        break;
      }
      case 'markStart':
        setRange((r) => mark(r, 'start', roundTime(now)));
        break;
      case 'markEnd':
        setRange((r) => mark(r, 'end', roundTime(now)));
        break;
      case 'clearRange':
        setRange(NO_RANGE);
        break;
    }
  };

  const rangeLabel =
    range.start === null && range.end === null ? null : `Range ${range.start !== null ? formatSeconds(range.start) : '…'}–${range.end !== null ? formatSeconds(range.end) : '…'}`;

  return (
    <div ref={wrapper} className={classes.root} data-testid="video-viewer" data-current-time="0" onKeyDownCapture={onKeyDownCapture}>
      <div ref={stage} className={classes.stage} tabIndex={-1} aria-label={`Video: ${item.title}`} role="group" />
      <Group className={classes.bar} gap="xs" justify="space-between" wrap="wrap">
        <Group gap="xs">
          {rangeLabel ? (
            <>
              <Text size="sm" fw={600} data-testid="video-range" role="status">
                {rangeLabel}
              </Text>
              <Button size="compact-xs" variant="subtle" onClick={() => setRange(NO_RANGE)}>
                Clear range
              </Button>
            </>
          ) : (
            <Text size="sm" c="dimmed" data-testid="video-range" role="status">
              No range marked
            </Text>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          <kbd>Space</kbd> play/pause · <kbd>J</kbd>/<kbd>K</kbd>/<kbd>L</kbd> back/pause/forward 10 s · <kbd>←</kbd>/<kbd>→</kbd> 5 s · <kbd>I</kbd>/<kbd>O</kbd> mark
          range · <kbd>Esc</kbd> clear
        </Text>
      </Group>
    </div>
  );
});
