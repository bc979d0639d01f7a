import { describe, expect, it } from 'vitest';
import { deleteSavedFilter, readSavedFilters, saveFilter, toPetitionQuery } from './worklist-filters';

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
