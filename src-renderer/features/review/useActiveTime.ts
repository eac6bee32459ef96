import { useCallback, useEffect, useRef } from 'react';

const IDLE_MS = 60_000;

/**
 * Time on task: counts only while the page is visible and the reviewer has done something in the last minute.
 * `take()` returns the active milliseconds since the last take, for the next save to carry.
 */
export function useActiveTime(): { take(): number } {
  const pending = useRef(0);
  const lastInput = useRef(Date.now());
  const lastTick = useRef(Date.now());
  useEffect(() => {
    const onInput = () => (lastInput.current = Date.now());
    const events = ['keydown', 'pointerdown', 'wheel', 'pointermove'] as const;
    events.forEach((e) => window.addEventListener(e, onInput, { passive: true }));
    const timer = window.setInterval(() => {
      const now = Date.now();
      if (document.visibilityState === 'visible' && now - lastInput.current < IDLE_MS) pending.current += now - lastTick.current;
      lastTick.current = now;
    }, 1000);
    return () => {
      events.forEach((e) => window.removeEventListener(e, onInput));
      window.clearInterval(timer);
    };
  }, []);
  const take = useCallback(() => {
    const ms = Math.min(pending.current, 10 * 60 * 1000);
    pending.current -= ms;
    return Math.round(ms);
  }, []);
  return { take };
}
