import { Select, Spin } from 'antd';
import { useMemo, type UIEvent } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { unitKindLabel } from '../i18n/labels';
import { useUnitOptions } from './use-unit-options';

interface CommonProps {
  /** Narrows the list to the units of this region's subtree. */
  regionId: string | undefined;
  id?: string;
  /** Units that may not be picked here (e.g. the lead unit in a co-unit list). */
  excluded?: readonly string[];
  allowClear?: boolean;
  placeholder?: string;
}

type SingleProps = CommonProps & { mode?: undefined; value?: string | null; onChange?: (value: string | undefined) => void };
type MultipleProps = CommonProps & { mode: 'multiple'; value?: string[] | null; onChange?: (value: string[]) => void };

/** A unit of the caller's jurisdiction, or several: searchable by name, region and kind. */
export function UnitSelect(props: SingleProps | MultipleProps) {
  const { t } = useI18n();
  const { regionId, id, excluded, allowClear, placeholder } = props;
  const units = useUnitOptions(regionId);
  const options = useMemo(
    () =>
      (units.data?.pages ?? []).flatMap((page) =>
        page.items
          .filter((unit) => !excluded?.includes(unit.id))
          .map((unit) => ({
            value: unit.id,
            label: `${unit.name} · ${unit.regionName} · ${unitKindLabel(t, unit.kind)}`,
          })),
      ),
    [units.data, excluded, t],
  );

  const common = {
    id,
    options,
    allowClear,
    showSearch: { optionFilterProp: 'label' },
    loading: units.isFetching,
    status: units.isError ? ('error' as const) : undefined,
    placeholder: units.isError ? t('common.loadFailed') : units.hasNextPage ? t('units.loadMore') : placeholder,
    notFoundContent: units.isPending ? <Spin size="small" /> : undefined,
    onPopupScroll: (event: UIEvent<HTMLDivElement>) => {
      const target = event.currentTarget;
      if (units.hasNextPage && !units.isFetchingNextPage && target.scrollTop + target.clientHeight >= target.scrollHeight - 32) {
        void units.fetchNextPage();
      }
    },
  };

  if (props.mode === 'multiple') {
    const { onChange } = props;
    return <Select<string[]> {...common} mode="multiple" value={props.value ?? undefined} onChange={(next) => onChange?.(next)} />;
  }
  const { onChange } = props;
  return <Select<string> {...common} value={props.value ?? undefined} onChange={(next) => onChange?.(next)} />;
}
