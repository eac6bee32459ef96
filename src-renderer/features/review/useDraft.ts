import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReviewView } from '../../../src-shared/contracts/review';
import { api } from '../../api/transport';

export interface DraftValues {
  levels: Record<string, number | null>;
  comments: Record<string, string>;
  feedback: string;
}

/** `retrying`: the last save failed; the changes are kept in the page and sent again after `retryInMs`. */
export type SaveState = { kind: 'saved'; at: string } | { kind: 'saving' } | { kind: 'retrying'; message: string; retryInMs: number } | { kind: 'idle' };

interface Pending {
  levels: Record<string, number | null>;
  comments: Record<string, string>;
  feedback?: string;
  /** Time on task from failed saves, sent with the next one. */
  activeMs: number;
}

const emptyPending = (): Pending => ({ levels: {}, comments: {}, activeMs: 0 });

/** Waits between retries of a failed save: 1 s, 2 s, 4 s … at most 30 s. */
export const retryDelayMs = (failures: number): number => Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));

/**
 * The reviewer's draft, saved to SQLite on every change: level picks at once, typing after a short pause, and
 * whatever is pending when the page hides or unloads. Nothing waits for a Save button. A save that fails keeps its
 * changes in the page, says so, and is retried with a growing pause until it goes through.
 */
export function useDraft(review: ReviewView | null, readOnly: boolean, takeActiveMs: () => number) {
  const [values, setValues] = useState<DraftValues>(() => ({
    levels: review?.levels ?? {},
    comments: review?.comments ?? {},
    feedback: review?.feedback ?? '',
  }));
  const [saveState, setSaveState] = useState<SaveState>(review ? { kind: 'saved', at: review.updatedAt } : { kind: 'idle' });
  const pending = useRef<Pending>(emptyPending());
  const timer = useRef<number | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const failures = useRef(0);
  const reviewId = review?.id ?? null;

  useEffect(() => {
    setValues({ levels: review?.levels ?? {}, comments: review?.comments ?? {}, feedback: review?.feedback ?? '' });
    // Only when a different review is loaded: later refetches must not clobber what is being typed.
  }, [reviewId]);

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current !== null) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
    if (reviewId === null || readOnly) return;
    await inFlight.current;
    const { activeMs, ...p } = pending.current;
    const activeMsDelta = activeMs + takeActiveMs();
    if (Object.keys(p.levels).length === 0 && Object.keys(p.comments).length === 0 && p.feedback === undefined && activeMsDelta === 0) return;
    pending.current = emptyPending();
    setSaveState({ kind: 'saving' });
    const run = api
      .call('review.save', { reviewId, ...p, activeMsDelta })
      .then((r) => {
        failures.current = 0;
        setSaveState({ kind: 'saved', at: r.updatedAt });
      })
      .catch((err: Error) => {
        // Keep what failed (under anything typed since) so the retry sends it again.
        pending.current = {
          levels: { ...p.levels, ...pending.current.levels },
          comments: { ...p.comments, ...pending.current.comments },
          feedback: pending.current.feedback ?? p.feedback,
          activeMs: activeMsDelta + pending.current.activeMs,
        };
        failures.current += 1;
        const retryInMs = retryDelayMs(failures.current);
        setSaveState({ kind: 'retrying', message: err.message, retryInMs });
        if (timer.current !== null) window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => void flush(), retryInMs);
      });
    inFlight.current = run;
    await run;
  }, [reviewId, readOnly, takeActiveMs]);

  const schedule = useCallback(
    (delay: number) => {
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), delay);
    },
    [flush],
  );

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onUnload = () => void flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onUnload);
    const heartbeat = window.setInterval(() => void flush(), 30_000);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onUnload);
      window.clearInterval(heartbeat);
      void flush();
    };
  }, [flush]);

  const setLevel = useCallback(
    (criterionId: string, score: number | null) => {
      if (readOnly) return;
      setValues((v) => ({ ...v, levels: { ...v.levels, [criterionId]: score } }));
      pending.current.levels[criterionId] = score;
      schedule(0);
    },
    [readOnly, schedule],
  );
  const setComment = useCallback(
    (criterionId: string, text: string) => {
      if (readOnly) return;
      setValues((v) => ({ ...v, comments: { ...v.comments, [criterionId]: text } }));
      pending.current.comments[criterionId] = text;
      schedule(400);
    },
    [readOnly, schedule],
  );
  const setFeedback = useCallback(
    (text: string) => {
      if (readOnly) return;
      setValues((v) => ({ ...v, feedback: text }));
      pending.current.feedback = text;
      schedule(400);
    },
    [readOnly, schedule],
  );
  return { values, saveState, setLevel, setComment, setFeedback, flush };
}
