import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useI18n } from './i18n-context';
import type { Locale } from './translate';

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Select<Locale>
      aria-label={t('language.label')}
      value={locale}
      onChange={setLocale}
      prefix={<GlobalOutlined aria-hidden />}
      popupMatchSelectWidth={false}
      options={[
        { value: 'zh-CN', label: t('language.zhCN') },
        { value: 'en', label: t('language.en') },
      ]}
    />
  );
}
