import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Col, DatePicker, Empty, Form, Row, Table, Tag, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo, useState } from 'react';
import type { FiveColourEntry, IndicatorFigure, IndicatorRow } from '../../shared/api/api-types';
import { categoryName } from '../../shared/categories/category-name';
import { usePetitionCategories } from '../../shared/categories/use-petition-categories';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { useI18n } from '../../shared/i18n/i18n-context';
import { isMessageKey } from '../../shared/i18n/translate';
import { EChart } from './echart';
import { ExportButton } from './export-button';
import { useIndicatorDefinitions, useMetricsDashboard } from './metrics-queries';

/** The band colours as drawn: strong enough for white text on them. */
// Dark enough for white text at 4.5:1 (WCAG AA).
const bandColours: Record<string, string> = { red: '#cf1322', orange: '#ad4e00', yellow: '#876800', blue: '#0958d9', green: '#237804' };

interface Drill {
  regionId?: string;
  name?: string;
}

const ratio = (figure: IndicatorFigure | undefined) =>
  figure?.denominator ? Math.round((figure.numerator / figure.denominator) * 1000) / 10 : null;

const figureOf = (row: IndicatorRow | undefined, key: string) => row?.figures.find((f) => f.key === key);

/**
 * A rate as a ring filled to its value, the figure and its name inside: ECharts' default gauge (needle, ticks and labels
 * every ten) crowds its labels over the figure in a half-width card.
 */
const gaugeOption = (value: number, name: string): EChartsCoreOption => ({
  series: [
    {
      type: 'gauge',
      min: 0,
      max: 100,
      radius: '90%',
      progress: { show: true, width: 14 },
      axisLine: { lineStyle: { width: 14 } },
      pointer: { show: false },
      axisTick: { show: false },
      splitLine: { show: false },
      axisLabel: { show: false },
      title: { offsetCenter: [0, '30%'], fontSize: 14 },
      detail: { offsetCenter: [0, '-5%'], fontSize: 26, fontWeight: 'bold', formatter: '{value}%' },
      data: [{ value, name }],
    },
  ],
});

/** The leader's and analyst's dashboard: the month's five-colour grid (click to drill down), rankings, gauges, trends and mixes. */
export function DashboardPage() {
  const { t, locale } = useI18n();
  const [month, setMonth] = useState<Dayjs>(() => dayjs().startOf('month'));
  const [path, setPath] = useState<Drill[]>([{}]);
  const current = path.at(-1) ?? {};
  const monthText = month.format('YYYY-MM');
  const dashboard = useMetricsDashboard(monthText, current.regionId);
  const chart = dashboard.data?.fiveColour;
  const trend = dashboard.data?.trend;
  const channels = dashboard.data?.channels;
  const categories = dashboard.data?.categories;
  const petitionCategories = usePetitionCategories();
  const definitions = useIndicatorDefinitions();
  const nameOf = (key: string) => {
    const definition = definitions.data?.find((d) => d.key === key);
    return definition ? (locale === 'en' ? definition.name.en : definition.name.zhCn) : key;
  };
  const colourName = (colour: string | null | undefined) => {
    const key = `metrics.colour.${colour ?? 'none'}`;
    return isMessageKey(key) ? t(key) : (colour ?? '');
  };
  const drill = (entry: FiveColourEntry) => setPath([...path, { regionId: entry.regionId, name: entry.name }]);

  const total = channels?.total;
  const gauges = useMemo(
    () =>
      ['resolution_rate', 'satisfaction_rate'].map((key) => ({
        key,
        value: ratio(figureOf(total, key)),
      })),
    [total],
  );

  const trendOption = useMemo<EChartsCoreOption | null>(() => {
    const rows = trend?.rows ?? [];
    if (rows.length === 0) return null;
    return {
      tooltip: { trigger: 'axis' },
      legend: {},
      xAxis: { type: 'category', data: rows.map((r) => r.key) },
      yAxis: [{ type: 'value' }, { type: 'value', max: 100 }],
      series: [
        { name: t('metrics.dashboard.registered'), type: 'bar', data: rows.map((r) => figureOf(r, 'registered')?.numerator ?? 0) },
        { name: t('metrics.dashboard.resolution'), type: 'line', yAxisIndex: 1, data: rows.map((r) => ratio(figureOf(r, 'resolution_rate'))) },
        { name: t('metrics.dashboard.satisfaction'), type: 'line', yAxisIndex: 1, data: rows.map((r) => ratio(figureOf(r, 'satisfaction_rate'))) },
      ],
    };
  }, [trend, t]);

  const mixOption = (rows: IndicatorRow[] | undefined, label: (key: string) => string): EChartsCoreOption | null => {
    const data = (rows ?? [])
      .map((r) => ({ name: label(r.key), value: figureOf(r, 'registered')?.numerator ?? 0 }))
      .filter((d) => d.value > 0);
    return data.length === 0 ? null : { tooltip: { trigger: 'item' }, series: [{ type: 'pie', radius: ['35%', '65%'], data }] };
  };
  const channelLabel = (key: string) => (isMessageKey(`channel.${key}`) ? t(`channel.${key}` as 'channel.visit') : key);
  const channelOption = useMemo(() => mixOption(channels?.rows, channelLabel), [channels, t]); // eslint-disable-line react-hooks/exhaustive-deps
  const categoryOption = useMemo(
    () => mixOption(categories?.rows, (key) => categoryName(petitionCategories.data, key, locale)),
    [categories, petitionCategories.data, locale],
  );

  const entries = chart?.entries ?? [];
  return (
    <>
      <PageHeader title={t('metrics.dashboard.title')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" name="dashboard">
          <Form.Item label={t('metrics.dashboard.month')} htmlFor="dashboard-month">
            <DatePicker
              id="dashboard-month"
              picker="month"
              allowClear={false}
              value={month}
              onChange={(value) => {
                if (value) setMonth(value.startOf('month'));
              }}
            />
          </Form.Item>
        </Form>
      </Card>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={path.map((step, index) => ({
          key: step.regionId ?? 'own',
          title:
            index === path.length - 1 ? (
              (step.name ?? chart?.regionName ?? t('metrics.ownRegion'))
            ) : (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setPath(path.slice(0, index + 1))}>
                {step.name ?? t('metrics.ownRegion')}
              </Button>
            ),
        }))}
      />
      {dashboard.isError ? <LoadError error={dashboard.error} onRetry={() => void dashboard.refetch()} /> : null}
      {!dashboard.isError ? (
        <Card size="small" title={t('metrics.dashboard.grid', { month: monthText })} style={{ marginBottom: 16 }} loading={dashboard.isPending}>
          {entries.length === 0 ? (
            <Empty description={t('metrics.dashboard.noRegions')} />
          ) : (
            <div data-testid="five-colour-grid" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 8 }}>
              {entries.map((entry) => (
                <Tooltip
                  key={entry.regionId}
                  title={
                    entry.check.pulledDownBy.length > 0
                      ? t('metrics.dashboard.pulledDownBy', { names: entry.check.pulledDownBy.map(nameOf).join('、') })
                      : undefined
                  }
                >
                  <Button
                    onClick={() => drill(entry)}
                    style={{
                      height: 84,
                      flexDirection: 'column',
                      color: entry.check.colour ? '#fff' : undefined,
                      background: entry.check.colour ? bandColours[entry.check.colour] : undefined,
                    }}
                  >
                    <span>{entry.name}</span>
                    <strong>{entry.check.score ?? '—'}</strong>
                    <span>{colourName(entry.check.colour)}</span>
                  </Button>
                </Tooltip>
              ))}
            </div>
          )}
        </Card>
      ) : null}
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={t('metrics.dashboard.ranking')}
            style={{ marginBottom: 16 }}
            extra={<ExportButton request={{ kind: 'five_colour_ranking', month: monthText, regionId: current.regionId }} rows={entries.length} />}
          >
            <Table<FiveColourEntry>
              rowKey="regionId"
              size="small"
              pagination={false}
              data-testid="five-colour-ranking"
              loading={dashboard.isPending}
              dataSource={entries.filter((e) => e.rank !== null && e.rank !== undefined)}
              locale={{ emptyText: <Empty description={t('metrics.dashboard.noScores')} /> }}
              columns={[
                { title: t('metrics.dashboard.rank'), dataIndex: 'rank', width: 64 },
                { title: t('metrics.dashboard.region'), dataIndex: 'name' },
                { title: t('metrics.dashboard.score'), key: 'score', align: 'right', render: (_, e) => e.check.score },
                {
                  title: t('metrics.dashboard.colour'),
                  key: 'colour',
                  render: (_, e) => (e.check.colour ? <Tag color={bandColours[e.check.colour]}>{colourName(e.check.colour)}</Tag> : null),
                },
                {
                  title: t('metrics.dashboard.change'),
                  key: 'change',
                  render: (_, e) => {
                    if (e.rankChange === null || e.rankChange === undefined) return t('metrics.dashboard.new');
                    if (e.rankChange === 0) return '—';
                    const up = e.rankChange > 0;
                    return (
                      <span aria-label={t(up ? 'metrics.dashboard.up' : 'metrics.dashboard.down', { places: Math.abs(e.rankChange) })}>
                        {up ? <ArrowUpOutlined aria-hidden /> : <ArrowDownOutlined aria-hidden />} {Math.abs(e.rankChange)}
                      </span>
                    );
                  },
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('metrics.dashboard.gauges')} style={{ marginBottom: 16 }} loading={dashboard.isPending}>
            <Row>
              {gauges.map((gauge) => (
                <Col span={12} key={gauge.key}>
                  {gauge.value === null ? (
                    <Empty description={t('metrics.dashboard.noRate', { name: nameOf(gauge.key) })} />
                  ) : (
                    <EChart
                      height={200}
                      label={`${nameOf(gauge.key)} ${gauge.value}%`}
                      option={gaugeOption(gauge.value, nameOf(gauge.key))}
                    />
                  )}
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('metrics.dashboard.trend')} style={{ marginBottom: 16 }} loading={dashboard.isPending}>
        {trendOption ? <EChart option={trendOption} label={t('metrics.dashboard.trend')} /> : <Empty description={t('metrics.empty')} />}
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('metrics.dashboard.channels')} style={{ marginBottom: 16 }} loading={dashboard.isPending}>
            {channelOption ? <EChart option={channelOption} label={t('metrics.dashboard.channels')} /> : <Empty description={t('metrics.empty')} />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('metrics.dashboard.categories')} style={{ marginBottom: 16 }} loading={dashboard.isPending}>
            {categoryOption ? <EChart option={categoryOption} label={t('metrics.dashboard.categories')} /> : <Empty description={t('metrics.empty')} />}
          </Card>
        </Col>
      </Row>
    </>
  );
}
