import { describe, expect, it } from 'vitest';
import { chinaDateTime, chinaDay } from './calendar-week';

describe('China time of a session instant', () => {
  it('shows an instant in China Standard Time whatever the zone it was written in', () => {
    expect(chinaDateTime('2026-12-01T01:00:00Z')).toBe('2026-12-01 09:00');
    expect(chinaDateTime('2026-12-01T09:30:00+08:00')).toBe('2026-12-01 09:30');
  });

  it('moves to the next China day after 16:00 UTC', () => {
    expect(chinaDateTime('2026-12-01T17:30:00Z')).toBe('2026-12-02 01:30');
    expect(chinaDay('2026-12-01T15:59:00Z')).toBe('2026-12-01');
    expect(chinaDay('2026-12-01T16:00:00Z')).toBe('2026-12-02');
  });
});
