import type { Category } from '../api/api-types';
import type { Locale } from '../i18n/translate';

/** A petition category's name in the reader's language; its code while the list loads or for a code it does not hold. */
export const categoryName = (categories: readonly Category[] | undefined, code: string, locale: Locale): string => {
  const category = categories?.find((item) => item.code === code);
  if (!category) return code;
  return locale === 'en' ? category.nameEn : category.nameZh;
};
