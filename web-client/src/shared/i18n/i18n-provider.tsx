import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCNAntd from 'antd/locale/zh_CN';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nContext, type I18nValue } from './i18n-context';
import { readLocalePreference, writeLocalePreference } from './locale-preference';
import { createTranslator, type Locale } from './translate';

const antdLocales = { 'zh-CN': zhCNAntd, en: enUS } as const;

// antd's default secondary and placeholder greys, its link blue (4.1:1), its error red (3.3:1), the lighter blue it
// derives for hover (white text on a hovered primary button, 4.2:1) and the text of its light tags are below WCAG AA
// contrast (4.5:1) on white or on the tag's own tint.
const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f5fbf',
    colorPrimaryHover: '#2e69c6',
    colorLink: '#1f5fbf',
    colorLinkHover: '#2e69c6',
    colorError: '#cf1322',
    borderRadius: 6,
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
  },
  components: {
    // A tag writes shade 7 of its colour (the status colour for a status tag) on shade 1. Only in tags, the shades
    // that fall short are replaced by the first darker one of antd's palette that reaches 4.5:1 on that shade 1.
    Tag: {
      volcano7: '#ad2102',
      orange7: '#ad4e00',
      gold7: '#874d00',
      yellow7: '#876800',
      lime7: '#3f6600',
      green7: '#237804',
      cyan7: '#006d75',
      colorSuccess: '#237804',
      colorWarning: '#874d00',
      colorInfo: '#1f5fbf',
    },
    // Text of type success or warning is written in the status colour, whose default is meant for icons.
    Typography: {
      colorSuccessText: '#237804',
      colorWarningText: '#874d00',
    },
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
