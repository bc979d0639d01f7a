import { describe, expect, it } from 'vitest';
import { listItemFlags } from './intake-labels';

const none = {
  isFirstTime: false,
  isRepeat: false,
  isSkipLevel: false,
  isCollective: false,
  isBusiness: false,
  isCrossBoundary: false,
  isUrgent: false,
  isFinalMatter: false,
};

describe('list row flags', () => {
  it('lists no flag for a plain row', () => {
    expect(listItemFlags(none)).toEqual([]);
  });

  it('lists the set flags in the API order, the final matter last', () => {
    expect(listItemFlags({ ...none, isFinalMatter: true, isRepeat: true, isUrgent: true })).toEqual(['repeat', 'urgent', 'final_matter']);
  });
});
