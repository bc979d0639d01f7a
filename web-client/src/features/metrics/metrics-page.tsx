import { QuestionCircleOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, DatePicker, Empty, Form, Select, Space, Table, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { IndicatorDefinition, IndicatorFigure, IndicatorGrouping, IndicatorRow } from '../../shared/api/api-types';
import { categoryName } from '../../shared/categories/category-name';
import { usePetitionCategories } from '../../shared/categories/use-petition-categories';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { useI18n } from '../../shared/i18n/i18n-context';
import { isMessageKey, type Locale } from '../../shared/i18n/translate';
import { UnitSelect } from '../../shared/units/unit-select';
import { ExportButton } from './export-button';
import { useIndicatorDefinitions, useIndicators } from './metrics-queries';

const groupings: IndicatorGrouping[] = ['region', 'unit', 'channel', 'category', 'month', 'quarter', 'year'];

interface Drill {
  regionId?: string;
  name?: string;
}

const percent = (numerator: number, denominator: number, locale: Locale) =>
  new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(numerator / denominator);

/** A rate shows as a percentage with its numerator and denominator on hover; a count as itself. */
function FigureCell({ figure, locale, ofLabel }: { figure: IndicatorFigure | undefined; locale: Locale; ofLabel: string }) {
  if (!figure) return null;
  if (figure.denominator === null || figure.denominator === undefined) return <span>{figure.numerator}</span>;
  const text = figure.denominator === 0 ? '—' : percent(figure.numerator, figure.denominator, locale);
  return (
    <Tooltip title={ofLabel}>
      <span data-testid={`figure-${figure.key}`}>{text}</span>
    </Tooltip>
  );
}

/**
 * The indicators of a region for a period, by the regions below it (drilling down), responsible unit, channel, category, month,
 * quarter or year; optionally of one responsible unit, picked from the list or from its row.
 */
export function MetricsPage() {
  const { t, locale } = useI18n();
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('year'), dayjs()]);
  const [groupBy, setGroupBy] = useState<IndicatorGrouping>('region');
  const [path, setPath] = useState<Drill[]>([{}]);
  const [unitId, setUnitId] = useState<string>();
  const current = path.at(-1) ?? {};
  const from = period[0].format('YYYY-MM-DD');
  const to = period[1].format('YYYY-MM-DD');
  const indicators = useIndicators(from, to, groupBy, current.regionId, unitId);
  const definitions = useIndicatorDefinitions();
  const categories = usePetitionCategories();
  const text = (value: { zhCn: string; en: string }) => (locale === 'en' ? value.en : value.zhCn);

  const rowLabel = (row: IndicatorRow) => {
    if (row.key === 'total') return t('metrics.total', { name: row.label });
    if (groupBy === 'region') {
      if (row.key === 'direct') return t('metrics.ownLevel', { name: row.label });
      return (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setPath([...path, { regionId: row.regionId ?? undefined, name: row.label }])}>
          {row.label}
        </Button>
      );
    }
    if (groupBy === 'unit') {
      if (row.key === 'no_unit') return t('metrics.noUnit');
      if (row.key === 'other_units') return t('metrics.otherUnits');
      // A unit's row opens its own figures, by region.
      return (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={() => {
            setUnitId(row.unitId ?? undefined);
            setGroupBy('region');
          }}
        >
          {row.label}
        </Button>
      );
    }
    if (groupBy === 'channel') {
      const key = `channel.${row.key}`;
      return isMessageKey(key) ? t(key) : row.key;
    }
    if (groupBy === 'category') {
      return categoryName(categories.data, row.key, locale);
    }
    return row.label;
  };

  const column = (definition: IndicatorDefinition) => ({
    key: definition.key,
    align: 'right' as const,
    title: (
      <span>
        {text(definition.name)}{' '}
        <Tooltip title={text(definition.definition)}>
          <QuestionCircleOutlined aria-label={t('metrics.help', { name: text(definition.name) })} />
        </Tooltip>
      </span>
    ),
    render: (_: unknown, row: IndicatorRow) => {
      const figure = row.figures.find((f) => f.key === definition.key);
      return (
        <FigureCell
          figure={figure}
          locale={locale}
          ofLabel={figure ? t('metrics.ratio', { numerator: figure.numerator, denominator: figure.denominator ?? 0 }) : ''}
        />
      );
    },
  });

  const data = indicators.data;
  const rows = data ? [data.total, ...data.rows] : [];
  return (
    <>
      <PageHeader title={t('metrics.title')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" name="metrics" style={{ rowGap: 8 }}>
          <Form.Item label={t('metrics.period')} htmlFor="metrics-period">
            <DatePicker.RangePicker
              id={{ start: 'metrics-period' }}
              allowClear={false}
              value={period}
              onChange={(range) => {
                if (range?.[0] && range[1]) setPeriod([range[0], range[1]]);
              }}
            />
          </Form.Item>
          <Form.Item label={t('metrics.groupBy')} htmlFor="metrics-group-by">
            <Select<IndicatorGrouping>
              id="metrics-group-by"
              style={{ minWidth: 140 }}
              value={groupBy}
              onChange={setGroupBy}
              options={groupings.map((grouping) => ({ value: grouping, label: t(`metrics.groupBy.${grouping}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('metrics.unit')} htmlFor="metrics-unit">
            <div style={{ minWidth: 240 }}>
              <UnitSelect id="metrics-unit" regionId={undefined} allowClear placeholder={t('metrics.allUnits')} value={unitId} onChange={setUnitId} />
            </div>
          </Form.Item>
        </Form>
      </Card>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={path.map((drill, index) => ({
          key: drill.regionId ?? 'own',
          title:
            index === path.length - 1 ? (
              (drill.name ?? data?.regionName ?? t('metrics.ownRegion'))
            ) : (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setPath(path.slice(0, index + 1))}>
                {drill.name ?? t('metrics.ownRegion')}
              </Button>
            ),
        }))}
      />
      {indicators.isError ? <LoadError error={indicators.error} onRetry={() => void indicators.refetch()} /> : null}
      {definitions.isError ? <LoadError error={definitions.error} onRetry={() => void definitions.refetch()} /> : null}
      {!indicators.isError && !definitions.isError ? (
        <Card
          size="small"
          title={data?.unitName ? t('metrics.ofUnit', { name: data.unitName }) : undefined}
          extra={
            // With a unit picked, the files keep to it as the table does.
            <Space align="start" wrap>
              <ExportButton request={{ kind: 'indicators', from, to, groupBy, regionId: current.regionId, unitId }} rows={data?.rows.length} />
              <ExportButton request={{ kind: 'daily_facts', from, to, regionId: current.regionId, unitId }} label={t('metrics.export.facts')} />
            </Space>
          }
        >
          <Table<IndicatorRow>
            rowKey="key"
            size="small"
            pagination={false}
            scroll={{ x: true }}
            loading={indicators.isFetching || definitions.isPending}
            dataSource={data && data.rows.length > 0 ? rows : []}
            data-testid="metrics-table"
            locale={{ emptyText: <Empty description={t('metrics.empty')} /> }}
            columns={[
              { title: t('metrics.row'), key: 'label', fixed: 'left' as const, render: (_: unknown, row: IndicatorRow) => rowLabel(row) },
              ...(definitions.data ?? []).map(column),
            ]}
          />
        </Card>
      ) : null}
    </>
  );
}
