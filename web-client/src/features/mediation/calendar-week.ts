/**
 * Week arithmetic of the session calendar, in China Standard Time (UTC+8, no daylight saving) whatever the browser's zone:
 * the rooms are in Shaoxing, and the API books sessions as local times with the +08:00 offset.
 */
const chinaOffsetMs = 8 * 60 * 60 * 1000;

/** The first and last half hours the calendar shows: a working day with its evenings. */
export const dayStartMinutes = 8 * 60;
export const dayEndMinutes = 20 * 60;
export const slotMinutes = 30;

const pad = (value: number) => String(value).padStart(2, '0');

/** The China date (YYYY-MM-DD) of an instant. */
export const chinaDay = (instant: string | number) => new Date(new Date(instant).getTime() + chinaOffsetMs).toISOString().slice(0, 10);

/** Minutes since China midnight of an instant. */
export const chinaMinutes = (instant: string) => {
  const local = new Date(new Date(instant).getTime() + chinaOffsetMs);
  return local.getUTCHours() * 60 + local.getUTCMinutes();
};

/** The China date and time (YYYY-MM-DD HH:mm) of an instant. */
export const chinaDateTime = (instant: string) => `${chinaDay(instant)} ${clockTime(chinaMinutes(instant))}`;

export const addDays = (day: string, days: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/** The Monday of the week a day falls in. */
export const mondayOf = (day: string) => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));

/** The seven days of the week starting on a Monday. */
export const weekDays = (monday: string) => Array.from({ length: 7 }, (_, i) => addDays(monday, i));

export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** 0 for Monday to 6 for Sunday. */
export const weekdayIndex = (day: string) => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) as Weekday;

export const clockTime = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** A China day and time as an instant with its offset, as the API expects. */
export const chinaInstant = (day: string, minutes: number) => `${day}T${clockTime(minutes)}:00+08:00`;

/** The start minutes of the half-hour slots the calendar shows. */
export const slotStarts = Array.from({ length: (dayEndMinutes - dayStartMinutes) / slotMinutes }, (_, i) => dayStartMinutes + i * slotMinutes);

export interface Span {
  startsAt: string;
  endsAt: string;
}

/** The part of a session on one China day, in minutes since midnight, clipped to the hours shown; null when none of it shows. */
export function spanOnDay(span: Span, day: string): { start: number; end: number } | null {
  const dayStart = new Date(`${day}T00:00:00+08:00`).getTime();
  const start = Math.max((new Date(span.startsAt).getTime() - dayStart) / 60_000, dayStartMinutes);
  const end = Math.min((new Date(span.endsAt).getTime() - dayStart) / 60_000, dayEndMinutes);
  return end > start ? { start, end } : null;
}

/** Whether a half-hour slot of a day is held by one of the sessions shown. */
export const isTaken = (spans: readonly Span[], day: string, minutes: number) =>
  spans.some((span) => {
    const part = spanOnDay(span, day);
    return part !== null && part.start < minutes + slotMinutes && part.end > minutes;
  });
