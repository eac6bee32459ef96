import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReviewView } from '../../../src-shared/contracts/review';
import { ApiError } from '../../../src-shared/contracts/errors';
import { api } from '../../api/transport';

export interface DraftValues {
  levels: Record<string, number | null>;
  comments: Record<string, string>;
  feedback: string;
}

/**
 * `retrying`: the last save failed; the changes are kept in the page and sent again after `retryInMs`.
 * `stale`: the draft changed elsewhere since this page loaded it (or it could not be started): nothing more is sent
 * until the reviewer reloads.
 */
export type SaveState =
  | { kind: 'saved'; at: string }
  | { kind: 'saving' }
  | { kind: 'retrying'; message: string; retryInMs: number }
  | { kind: 'stale'; error: ApiError }
  | { kind: 'idle' };

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

/** Refusals that sending again cannot fix: the record changed since the page loaded it, or the start was refused. */
const needsReload = (err: unknown): err is ApiError => err instanceof ApiError && (err.code === 'conflict' || err.code === 'forbidden');

export interface DraftOptions {
  readOnly: boolean;
  /** No draft yet and the reviewer may start one: their first change starts it (claiming a place if needed). */
  canStart: boolean;
  /** Starts the review (review.start) and returns its draft. */
  start(): Promise<ReviewView | null>;
  takeActiveMs(): number;
}

/**
 * The reviewer's draft, saved on every change: level picks at once, typing after a short pause, and whatever is
 * pending when the page hides or unloads. Nothing waits for a Save button. The first change of a review not yet
 * started starts it. Each save names the revision it was based on; a save that fails keeps its changes in the page,
 * says so, and is retried with a growing pause until it goes through, except one refused because the draft changed
 * elsewhere, which waits for the reviewer to reload.
 */
export function useDraft(review: ReviewView | null, { readOnly, canStart, start, takeActiveMs }: DraftOptions) {
  const [values, setValues] = useState<DraftValues>(() => ({
    levels: review?.levels ?? {},
    comments: review?.comments ?? {},
    feedback: review?.feedback ?? '',
  }));
  const [saveState, setSaveState] = useState<SaveState>(review ? { kind: 'saved', at: review.updatedAt } : { kind: 'idle' });
  const pending = useRef<Pending>(emptyPending());
  const timer = useRef<number | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const starting = useRef<Promise<ReviewView | null> | null>(null);
  const failures = useRef(0);
  const stale = useRef(false);
  const draft = useRef<{ id: number; revision: number } | null>(review ? { id: review.id, revision: review.revision } : null);
  const reviewId = review?.id ?? null;

  useEffect(() => {
    // A review this page started is the one being typed into: only a different review replaces the values.
    if (reviewId === null || draft.current?.id === reviewId) return;
    draft.current = { id: reviewId, revision: review!.revision };
    setValues({ levels: review!.levels, comments: review!.comments, feedback: review!.feedback });
  }, [reviewId]);

  const refuse = useCallback((error: ApiError) => {
    stale.current = true;
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    setSaveState({ kind: 'stale', error });
  }, []);

  /** The draft, started first if this is the reviewer's first change; null when there is none and may be none. Throws when the start fails. */
  const ensureStarted = useCallback(async (): Promise<{ id: number; revision: number } | null> => {
    if (draft.current) return draft.current;
    if (readOnly || !canStart || stale.current) return null;
    starting.current ??= start();
    try {
      const started = await starting.current;
      if (started && !draft.current) draft.current = { id: started.id, revision: started.revision };
      return draft.current;
    } finally {
      starting.current = null;
    }
  }, [readOnly, canStart, start]);

  /** One save (starting the review first if needed) of whatever is pending; saves run one after another. */
  const saveOnce = useCallback(async (retry: () => void): Promise<void> => {
    const failed = (err: Error) => {
      if (needsReload(err)) return refuse(err);
      failures.current += 1;
      const retryInMs = retryDelayMs(failures.current);
      setSaveState({ kind: 'retrying', message: err.message, retryInMs });
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(retry, retryInMs);
    };
    if (readOnly || stale.current) return;
    const { activeMs, ...p } = pending.current;
    const changed = Object.keys(p.levels).length > 0 || Object.keys(p.comments).length > 0 || p.feedback !== undefined;
    // Time on task alone does not start a review: looking at a portfolio is not reviewing it.
    if (!draft.current && !changed) return;
    let target: { id: number; revision: number } | null;
    try {
      target = await ensureStarted();
    } catch (err) {
      return failed(err as Error);
    }
    if (!target) return;
    const activeMsDelta = activeMs + takeActiveMs();
    if (!changed && activeMsDelta === 0) return;
    pending.current = emptyPending();
    setSaveState({ kind: 'saving' });
    try {
      const r = await api.call('review.save', { reviewId: target.id, revision: target.revision, ...p, activeMsDelta });
      failures.current = 0;
      target.revision = r.revision;
      setSaveState({ kind: 'saved', at: r.updatedAt });
    } catch (err) {
      // Keep what failed (under anything typed since) so a retry, or the reviewer after a reload, has it.
      pending.current = {
        levels: { ...p.levels, ...pending.current.levels },
        comments: { ...p.comments, ...pending.current.comments },
        feedback: pending.current.feedback ?? p.feedback,
        activeMs: activeMsDelta + pending.current.activeMs,
      };
      failed(err as Error);
    }
  }, [readOnly, takeActiveMs, ensureStarted, refuse]);

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current !== null) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
    // Chained: a save must know the revision the one before it produced.
    const run = (inFlight.current ?? Promise.resolve()).then(() => saveOnce(() => void flush()));
    inFlight.current = run;
    await run;
  }, [saveOnce]);

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

  const editable = !readOnly && (review !== null || canStart);
  const setLevel = useCallback(
    (criterionId: string, score: number | null) => {
      if (!editable) return;
      setValues((v) => ({ ...v, levels: { ...v.levels, [criterionId]: score } }));
      pending.current.levels[criterionId] = score;
      schedule(0);
    },
    [editable, schedule],
  );
  const setComment = useCallback(
    (criterionId: string, text: string) => {
      if (!editable) return;
      setValues((v) => ({ ...v, comments: { ...v.comments, [criterionId]: text } }));
      pending.current.comments[criterionId] = text;
      schedule(400);
    },
    [editable, schedule],
  );
  const setFeedback = useCallback(
    (text: string) => {
      if (!editable) return;
      setValues((v) => ({ ...v, feedback: text }));
      pending.current.feedback = text;
      schedule(400);
    },
    [editable, schedule],
  );
  /** The draft as saved last (its id and the revision the next write is based on), or null before it starts. */
  const current = useCallback(() => draft.current, []);
  return { values, saveState, setLevel, setComment, setFeedback, flush, ensureStarted, current, refuse };
}
