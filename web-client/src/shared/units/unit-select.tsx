import { Select, Spin } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { unitKindLabel } from '../i18n/labels';
import { useUnitOptions } from './use-unit-options';

/** A unit of the caller's jurisdiction, optionally within one region's subtree. */
export function UnitSelect({
  regionId,
  value,
  onChange,
  id,
}: {
  regionId: string | undefined;
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
}) {
  const { t } = useI18n();
  const units = useUnitOptions(regionId);
  const options = useMemo(
    () =>
      (units.data?.pages ?? []).flatMap((page) =>
        page.items.map((unit) => ({
          value: unit.id,
          label: `${unit.name} · ${unit.regionName} · ${unitKindLabel(t, unit.kind)}`,
        })),
      ),
    [units.data, t],
  );

  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(next) => onChange?.(next)}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      loading={units.isFetching}
      status={units.isError ? 'error' : undefined}
      placeholder={units.isError ? t('common.loadFailed') : units.hasNextPage ? t('users.loadMoreUnits') : undefined}
      notFoundContent={units.isPending ? <Spin size="small" /> : undefined}
      onPopupScroll={(event) => {
        const target = event.currentTarget;
        if (units.hasNextPage && !units.isFetchingNextPage && target.scrollTop + target.clientHeight >= target.scrollHeight - 32) {
          void units.fetchNextPage();
        }
      }}
    />
  );
}
