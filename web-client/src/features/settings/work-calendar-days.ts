/** One year's draft as the admin edits it: days as yyyy-MM-dd, each list sorted. */
export interface CalendarDraft {
  holidays: string[];
  makeUpWorkdays: string[];
}

export type DayKind = 'holiday' | 'makeUp';

export type DayProblem =
  | { kind: 'outsideYear'; day: string }
  | { kind: 'makeUpOnWeekday'; day: string }
  | { kind: 'both'; day: string };

const pad = (value: number) => String(value).padStart(2, '0');

export const isoDay = (year: number, month: number, day: number): string => `${year}-${pad(month)}-${pad(day)}`;

/** 0 = Monday … 6 = Sunday, read from the date itself so time zones never shift it. */
export function weekdayIndex(day: string): number {
  const [year, month, date] = day.split('-').map(Number);
  return (new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, date ?? 1)).getUTCDay() + 6) % 7;
}

export const isWeekend = (day: string): boolean => weekdayIndex(day) >= 5;

/** A year's days, or January of the next year when a holiday runs over the year end (as the API allows). */
export function belongsToYear(year: number, day: string): boolean {
  return day.startsWith(`${year}-`) || day.startsWith(`${year + 1}-01-`);
}

export function kindOf(draft: CalendarDraft, day: string): DayKind | null {
  if (draft.holidays.includes(day)) return 'holiday';
  if (draft.makeUpWorkdays.includes(day)) return 'makeUp';
  return null;
}

/** Puts a day in one list (or none), taking it out of the other. */
export function withKind(draft: CalendarDraft, day: string, kind: DayKind | null): CalendarDraft {
  const holidays = draft.holidays.filter((d) => d !== day);
  const makeUpWorkdays = draft.makeUpWorkdays.filter((d) => d !== day);
  if (kind === 'holiday') holidays.push(day);
  if (kind === 'makeUp') makeUpWorkdays.push(day);
  return { holidays: holidays.sort(), makeUpWorkdays: makeUpWorkdays.sort() };
}

/** What a click on a day does: weekdays toggle holiday; weekends go holiday → make-up working day → ordinary. */
export function nextKind(day: string, current: DayKind | null): DayKind | null {
  if (current === null) return 'holiday';
  if (current === 'holiday' && isWeekend(day)) return 'makeUp';
  return null;
}

/** The same checks the API makes, so the page can say what is wrong before saving. */
export function draftProblems(year: number, draft: CalendarDraft): DayProblem[] {
  const problems: DayProblem[] = [];
  for (const day of [...draft.holidays, ...draft.makeUpWorkdays]) {
    if (!belongsToYear(year, day)) problems.push({ kind: 'outsideYear', day });
  }
  for (const day of draft.makeUpWorkdays) {
    if (!isWeekend(day)) problems.push({ kind: 'makeUpOnWeekday', day });
    if (draft.holidays.includes(day)) problems.push({ kind: 'both', day });
  }
  return problems;
}

/** The weeks of a month, Monday first; null pads the days of other months. */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (string | null)[] = Array.from({ length: weekdayIndex(isoDay(year, month, 1)) }, () => null);
  for (let day = 1; day <= daysInMonth; day++) cells.push(isoDay(year, month, day));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

export function sameDraft(a: CalendarDraft, b: CalendarDraft): boolean {
  return a.holidays.join() === b.holidays.join() && a.makeUpWorkdays.join() === b.makeUpWorkdays.join();
}
