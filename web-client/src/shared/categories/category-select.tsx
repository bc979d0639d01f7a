import { Select } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { usePetitionCategories } from './use-petition-categories';

/** A petition category, named in the current language. */
export function CategorySelect({
  value,
  onChange,
  id,
  ariaLabel,
  placeholder,
  allowClear = false,
}: {
  value?: string | undefined;
  onChange?: (value: string | undefined) => void;
  id?: string;
  ariaLabel?: string;
  placeholder?: string;
  allowClear?: boolean;
}) {
  const { t, locale } = useI18n();
  const categories = usePetitionCategories();
  const options = useMemo(
    () => (categories.data ?? []).map((c) => ({ value: c.code, label: locale === 'en' ? c.nameEn : c.nameZh })),
    [categories.data, locale],
  );
  return (
    <Select<string>
      id={id}
      aria-label={ariaLabel}
      value={value}
      onChange={(next) => onChange?.(next)}
      options={options}
      allowClear={allowClear}
      showSearch={{ optionFilterProp: 'label' }}
      loading={categories.isPending}
      status={categories.isError ? 'error' : undefined}
      placeholder={categories.isError ? t('common.loadFailed') : placeholder}
      style={{ minWidth: 160 }}
    />
  );
}
