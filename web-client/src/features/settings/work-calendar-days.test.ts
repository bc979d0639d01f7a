import { describe, expect, it } from 'vitest';
import { belongsToYear, draftProblems, isWeekend, monthWeeks, nextKind, withKind, type CalendarDraft } from './work-calendar-days';

const empty: CalendarDraft = { holidays: [], makeUpWorkdays: [] };

describe('work calendar days', () => {
  it('knows weekends from the date alone', () => {
    expect(isWeekend('2026-10-10')).toBe(true);
    expect(isWeekend('2026-10-11')).toBe(true);
    expect(isWeekend('2026-10-12')).toBe(false);
  });

  it('cycles weekends through holiday and make-up working day, weekdays through holiday only', () => {
    expect(nextKind('2026-10-10', null)).toBe('holiday');
    expect(nextKind('2026-10-10', 'holiday')).toBe('makeUp');
    expect(nextKind('2026-10-10', 'makeUp')).toBeNull();
    expect(nextKind('2026-10-12', 'holiday')).toBeNull();
  });

  it('keeps a day in one list only, sorted', () => {
    const draft = withKind(withKind(empty, '2026-10-02', 'holiday'), '2026-10-01', 'holiday');
    expect(draft.holidays).toEqual(['2026-10-01', '2026-10-02']);
    const moved = withKind(draft, '2026-10-02', 'makeUp');
    expect(moved).toEqual({ holidays: ['2026-10-01'], makeUpWorkdays: ['2026-10-02'] });
    expect(withKind(moved, '2026-10-02', null)).toEqual({ holidays: ['2026-10-01'], makeUpWorkdays: [] });
  });

  it('allows January of the next year for a holiday over the year end', () => {
    expect(belongsToYear(2026, '2027-01-01')).toBe(true);
    expect(belongsToYear(2026, '2027-02-01')).toBe(false);
    expect(belongsToYear(2026, '2025-12-31')).toBe(false);
  });

  it('reports the problems the API would refuse', () => {
    const problems = draftProblems(2026, { holidays: ['2026-10-10', '2028-01-01'], makeUpWorkdays: ['2026-10-10', '2026-10-12'] });
    expect(problems).toEqual([
      { kind: 'outsideYear', day: '2028-01-01' },
      { kind: 'both', day: '2026-10-10' },
      { kind: 'makeUpOnWeekday', day: '2026-10-12' },
    ]);
    expect(draftProblems(2026, { holidays: ['2026-10-01'], makeUpWorkdays: ['2026-10-10'] })).toEqual([]);
  });

  it('lays a month out in weeks starting on Monday', () => {
    const weeks = monthWeeks(2026, 10);
    expect(weeks[0]).toEqual([null, null, null, '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04']);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
  });
});
