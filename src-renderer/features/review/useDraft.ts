import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReviewView } from '../../../src-shared/contracts/review';
import { api } from '../../api/transport';

export interface DraftValues {
  levels: Record<string, number | null>;
  comments: Record<string, string>;
  feedback: string;
}

export type SaveState = { kind: 'saved'; at: string } | { kind: 'saving' } | { kind: 'error'; message: string } | { kind: 'idle' };

interface Pending {
  levels: Record<string, number | null>;
  comments: Record<string, string>;
  feedback?: string;
}

const emptyPending = (): Pending => ({ levels: {}, comments: {} });

/**
 * The reviewer's draft, saved to SQLite on every change: level picks at once, typing after a short pause, and
 * whatever is pending when the page hides or unloads. Nothing waits for a Save button.
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
    const p = pending.current;
    const activeMsDelta = takeActiveMs();
    if (Object.keys(p.levels).length === 0 && Object.keys(p.comments).length === 0 && p.feedback === undefined && activeMsDelta === 0) return;
    pending.current = emptyPending();
    setSaveState({ kind: 'saving' });
    const run = api
      .call('review.save', { reviewId, ...p, activeMsDelta })
      .then((r) => setSaveState({ kind: 'saved', at: r.updatedAt }))
      .catch((err: Error) => {
        // Keep what failed so the next attempt sends it again.
        pending.current = {
          levels: { ...p.levels, ...pending.current.levels },
          comments: { ...p.comments, ...pending.current.comments },
          feedback: pending.current.feedback ?? p.feedback,
        };
        setSaveState({ kind: 'error', message: err.message });
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
