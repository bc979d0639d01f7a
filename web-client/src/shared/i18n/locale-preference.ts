import { defaultLocale, isLocale, type Locale } from './translate';

const storageKey = 'fengqiao.locale';

export function readLocalePreference(storage: Storage = globalThis.localStorage): Locale {
  try {
    const stored = storage.getItem(storageKey);
    return isLocale(stored) ? stored : defaultLocale;
  } catch {
    return defaultLocale;
  }
}

export function writeLocalePreference(locale: Locale, storage: Storage = globalThis.localStorage): void {
  try {
    storage.setItem(storageKey, locale);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
}
