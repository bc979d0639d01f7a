import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { formatSnapshot, toAuditQuery } from './audit-filters';

describe('audit filters', () => {
  it('turns a range of local days into instants, the end exclusive at the start of the next day', () => {
    const query = toAuditQuery({ period: [dayjs('2026-03-01T15:00:00'), dayjs('2026-03-03T09:30:00')] });
    expect(query.from).toBe(dayjs('2026-03-01T00:00:00').toISOString());
    expect(query.to).toBe(dayjs('2026-03-04T00:00:00').toISOString());
  });

  it('leaves out blank fields and an open end of the range', () => {
    expect(toAuditQuery({ action: ' ', objectId: ' 42 ', period: [null, dayjs('2026-03-03')] })).toEqual({
      actorUserId: undefined,
      objectType: undefined,
      objectId: '42',
      action: undefined,
      from: undefined,
      to: dayjs('2026-03-04T00:00:00').toISOString(),
    });
  });

  it('pretty-prints JSON snapshots and shows other text as stored', () => {
    expect(formatSnapshot('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(formatSnapshot('not json')).toBe('not json');
    expect(formatSnapshot(null)).toBeNull();
  });
});
