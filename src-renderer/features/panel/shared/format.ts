import { differenceInCalendarDays, format } from 'date-fns';

export const day = (iso: string) => format(new Date(iso), 'd MMM yyyy');
export const dayTime = (iso: string) => format(new Date(iso), 'd MMM yyyy HH:mm');
export const daysSince = (iso: string) => differenceInCalendarDays(new Date(), new Date(iso));
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
export const percent = (x: number) => `${Math.round(x * 100)}%`;
