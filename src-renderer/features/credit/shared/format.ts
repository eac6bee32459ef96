import { format } from 'date-fns';

/** Calendar dates (YYYY-MM-DD) are shown as they are written: no time zone may move them a day. */
export const calendarDay = (iso: string) => format(new Date(`${iso.slice(0, 10)}T12:00:00`), 'd MMM yyyy');
export const day = (iso: string) => format(new Date(iso), 'd MMM yyyy');
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
export const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
export const todayIso = () => format(new Date(), 'yyyy-MM-dd');

export const SOURCE_LABEL: Record<'review' | 'reconciled' | 'moderation' | 'correction', string> = {
  review: 'Single review',
  reconciled: 'Two reviews agreed',
  moderation: 'Moderated',
  correction: 'Corrected',
};
