import { Select } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context';
import { usePetitionCategories } from '../../shared/categories/use-petition-categories';

export function CategorySelect({
  value,
  onChange,
  id,
  ariaLabel,
  allowClear = false,
}: {
  value?: string | undefined;
  onChange?: (value: string | undefined) => void;
  id?: string;
  ariaLabel?: string;
  allowClear?: boolean;
}) {
  const { t, locale } = useI18n();
  const categories = usePetitionCategories();
  return (
    <Select<string>
      id={id}
      aria-label={ariaLabel}
      value={value}
      onChange={(next) => onChange?.(next)}
      allowClear={allowClear}
      loading={categories.isPending}
      status={categories.isError ? 'error' : undefined}
      placeholder={categories.isError ? t('common.loadFailed') : undefined}
      showSearch={{ optionFilterProp: 'label' }}
      options={(categories.data ?? []).map((category) => ({
        value: category.code,
        label: locale === 'en' ? category.nameEn : category.nameZh,
      }))}
      style={{ minWidth: 160 }}
    />
  );
}
