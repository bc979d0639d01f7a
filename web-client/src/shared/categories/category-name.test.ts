import { describe, expect, it } from 'vitest';
import { categoryName } from './category-name';

const categories = [{ code: 'labour_social_security', nameZh: '劳动和社会保障', nameEn: 'Labour and social security' }];

describe('categoryName', () => {
  it("names a category in the reader's language", () => {
    expect(categoryName(categories, 'labour_social_security', 'zh-CN')).toBe('劳动和社会保障');
    expect(categoryName(categories, 'labour_social_security', 'en')).toBe('Labour and social security');
  });

  it('shows the code while the list loads and for a code the list does not hold', () => {
    expect(categoryName(undefined, 'labour_social_security', 'zh-CN')).toBe('labour_social_security');
    expect(categoryName(categories, 'retired_code', 'zh-CN')).toBe('retired_code');
  });
});
