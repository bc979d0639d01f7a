import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCNAntd from 'antd/locale/zh_CN';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nContext, type I18nValue } from './i18n-context';
import { readLocalePreference, writeLocalePreference } from './locale-preference';
import { createTranslator, type Locale } from './translate';

const antdLocales = { 'zh-CN': zhCNAntd, en: enUS } as const;

// antd's default secondary and placeholder greys, and its link blue (#1677ff), are below WCAG AA contrast (4.5:1) on white.
const theme = {
  token: {
    colorPrimary: '#1f5fbf',
    colorLink: '#1f5fbf',
    borderRadius: 6,
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
  },
};

export function I18nProvider({ children, initialLocale }: { children: ReactNode; initialLocale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => initialLocale ?? readLocalePreference());

  const setLocale = useCallback((next: Locale) => {
    writeLocalePreference(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18nValue>(() => ({ locale, setLocale, t: createTranslator(locale) }), [locale, setLocale]);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = value.t('app.title');
  }, [locale, value]);

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={antdLocales[locale]} theme={theme} button={{ autoInsertSpace: false }}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}
