import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { visibleRange, type Layout, type Visible } from './layout';

const same = (a: Visible, b: Visible) => a.first === b.first && a.last === b.last && a.current === b.current;

/**
 * Which slots of a laid-out list are on screen, re-read on scroll (at most once per frame), on resize and whenever the
 * layout changes. `measure` re-reads on demand, e.g. right after a programmatic scroll.
 */
export function useVisible(ref: RefObject<HTMLElement | null>, layout: Layout | null): { visible: Visible; measure(): void } {
  const [visible, setVisible] = useState<Visible>({ first: 0, last: 0, current: 0 });
  const frame = useRef(0);
  const layoutRef = useRef(layout);
  layoutRef.current = layout;

  const measure = useCallback(() => {
    const el = ref.current;
    const l = layoutRef.current;
    if (!el || !l) return;
    const v = visibleRange(l, el.scrollTop, el.clientHeight);
    setVisible((old) => (same(old, v) ? old : v));
  }, [ref]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onScroll = () => {
      if (frame.current) return;
      frame.current = requestAnimationFrame(() => {
        frame.current = 0;
        measure();
      });
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    const ro = new ResizeObserver(onScroll);
    ro.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      ro.disconnect();
      cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [ref, measure]);

  useLayoutEffect(measure, [layout, measure]);

  return { visible, measure };
}
