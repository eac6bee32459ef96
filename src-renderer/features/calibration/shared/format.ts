import { format } from 'date-fns';
import type { RoundStatus } from '../../../../src-shared/contracts/calibration';

/** Numbers as a quality team reads them: percentages without decimals, statistics to two places, signs always shown. */
export const pct = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `${Math.round(x * 100)} %`);
/** Two decimals with a true minus sign (U+2212), as in print. */
export const num2 = (x: number | null | undefined) => (x === null || x === undefined ? '–' : x.toFixed(2).replace(/^-/, '−'));
export const signed = (x: number | null | undefined, digits = 2) =>
  x === null || x === undefined ? '–' : `${x > 0.004 ? '+' : x < -0.004 ? '−' : '±'}${Math.abs(x).toFixed(digits)}`;
export const day = (iso: string) => format(new Date(iso), 'd MMM yyyy');

export const STATUS_COLOR: Record<RoundStatus, string> = { scheduled: 'gray', open: 'teal', closed: 'indigo' };
export const STATUS_LABEL: Record<RoundStatus, string> = { scheduled: 'Scheduled', open: 'Open', closed: 'Closed' };

/** A date input's value (local calendar day) as the instant a round opens (start of day) or closes (end of day). */
export function dayStart(date: string): string {
  return new Date(`${date}T00:00:00`).toISOString();
}
export function dayEnd(date: string): string {
  return new Date(`${date}T23:59:59`).toISOString();
}
export const dateInput = (iso: string) => format(new Date(iso), 'yyyy-MM-dd');

/**
 * Short labels for long titles (chart axes) that never collapse two titles into the same text: a stub is
 * lengthened until it differs from every other title's stub, or is the whole title.
 */
export function distinctStubs(titles: string[], max = 34): string[] {
  const stub = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  return titles.map((t) => {
    let n = max;
    while (n < t.length && titles.some((o) => o !== t && stub(o, n) === stub(t, n))) n++;
    return stub(t, n);
  });
}
