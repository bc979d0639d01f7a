import { describe, expect, it } from 'vitest';
import { deleteSavedFilter, filtersFromSearch, filtersToSearch, readSavedFilters, saveFilter, toPetitionQuery } from './worklist-filters';

describe('worklist filters', () => {
  it('leaves blank filters out of the query', () => {
    expect(toPetitionQuery({ status: 'registered', text: '  ', flag: [] })).toEqual({ status: 'registered' });
    expect(toPetitionQuery({ flag: ['urgent', 'repeat'], text: ' 土地 ' })).toEqual({ flag: ['urgent', 'repeat'], text: '土地' });
  });

  it('saves, replaces and deletes named filter sets in local storage', () => {
    window.localStorage.clear();
    saveFilter({ name: '紧急', filters: { flag: ['urgent'] } });
    saveFilter({ name: '来访', filters: { channel: 'visit' } });
    saveFilter({ name: '紧急', filters: { flag: ['urgent', 'collective'] } });
    expect(readSavedFilters().map((item) => item.name)).toEqual(['来访', '紧急']);
    expect(readSavedFilters()[1]?.filters.flag).toEqual(['urgent', 'collective']);
    expect(deleteSavedFilter('来访').map((item) => item.name)).toEqual(['紧急']);
  });

  it('ignores unreadable storage', () => {
    window.localStorage.setItem('fengqiao.worklist.savedFilters', '{oops');
    expect(readSavedFilters()).toEqual([]);
  });
});

describe('worklist filters in the address', () => {
  it('reads the filters a link asks for and leaves out values the worklist does not know', () => {
    const filters = filtersFromSearch(
      new URLSearchParams('status=registered&flag=acceptance_overdue&flag=nonsense&flag=acceptance_overdue&channel=fax&receivedFrom=2026-01-05&receivedTo=yesterday&text=%20噪音%20'),
    );
    expect(filters).toEqual({ status: 'registered', flag: ['acceptance_overdue'], receivedFrom: '2026-01-05', text: '噪音' });
  });

  it('writes a filter set as an address that reads back the same', () => {
    const filters = { status: 'registered' as const, flag: ['repeat' as const, 'urgent' as const], regionId: 'r-1', receivedTo: '2026-02-01' };
    const params = filtersToSearch(filters);
    expect(params.toString()).toBe('status=registered&regionId=r-1&flag=repeat&flag=urgent&receivedTo=2026-02-01');
    expect(filtersFromSearch(params)).toEqual(filters);
  });
});
