import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Form, Select, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../shared/api/api';
import type { AnnualReportUnit, AnnualReportVolume, IndicatorDefinition, IndicatorFigure } from '../../shared/api/api-types';
import { categoryName } from '../../shared/categories/category-name';
import { usePetitionCategories } from '../../shared/categories/use-petition-categories';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { saveDownload } from '../../shared/files/file-transfer';
import { useI18n } from '../../shared/i18n/i18n-context';
import { isMessageKey, type Locale } from '../../shared/i18n/translate';
import { useAnnualReport, useIndicatorDefinitions } from './metrics-queries';

/** The figures the report leads with (Art 41): volumes, forwards, assignments, supervision orders, resolution and satisfaction. */
const headlineKeys = [
  'registered',
  'cases_forwarded',
  'cases_assigned',
  'supervision_orders',
  'on_time_conclusion_rate',
  'resolution_rate',
  'satisfaction_rate',
  'participation_rate',
];

/** Printing leaves out the app's menu and header and the page's controls, so the report prints as a document. */
const printStyles = `
@media print {
  .ant-layout-sider, .ant-layout-header, .no-print { display: none !important; }
  .ant-layout, .ant-layout-content, main { background: #fff !important; margin: 0 !important; padding: 0 !important; }
  .annual-report .ant-card { border: none !important; box-shadow: none !important; }
  .annual-report tr { break-inside: avoid; }
  @page { size: A4; margin: 15mm; }
}
`;

const percent = (numerator: number, denominator: number, locale: Locale) =>
  new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(numerator / denominator);

/** A rate reads as its percentage with numerator and denominator beside it (the API never gives a bare percentage); a count as itself. */
function figureText(figure: IndicatorFigure, locale: Locale): string {
  if (figure.denominator === null || figure.denominator === undefined) return String(figure.numerator);
  if (figure.denominator === 0) return '—';
  return `${percent(figure.numerator, figure.denominator, locale)} (${figure.numerator} / ${figure.denominator})`;
}

/** The annual statistical report (信访工作条例 Art 41) of the caller's region for a year: printable, and downloadable as XLSX. */
export function AnnualReportPage() {
  const { t, locale } = useI18n();
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const [downloading, setDownloading] = useState(false);
  const report = useAnnualReport(year);
  const definitions = useIndicatorDefinitions();
  const categories = usePetitionCategories();
  const text = (value: { zhCn: string; en: string }) => (locale === 'en' ? value.en : value.zhCn);
  const definitionOf = (key: string): IndicatorDefinition | undefined => definitions.data?.find((d) => d.key === key);

  const channelLabel = (key: string) => {
    const messageKey = `channel.${key}`;
    return isMessageKey(messageKey) ? t(messageKey) : key;
  };
  const categoryLabel = (key: string) => categoryName(categories.data, key, locale);

  const download = async () => {
    setDownloading(true);
    try {
      await saveDownload(
        api.GET('/api/v1/metrics/annual-report/export', { params: { query: { year } }, parseAs: 'blob' }),
        `annual-report-${year}.xlsx`,
      );
    } finally {
      setDownloading(false);
    }
  };

  const data = report.data;
  const registered = data?.figures.find((f) => f.key === 'registered')?.numerator ?? 0;
  const volumeColumns = (label: string, name: (key: string) => string) => [
    { title: label, key: 'key', render: (_: unknown, volume: AnnualReportVolume) => name(volume.key) },
    { title: t('annualReport.registered'), dataIndex: 'registered', key: 'registered', align: 'right' as const },
    {
      title: t('annualReport.share'),
      key: 'share',
      align: 'right' as const,
      render: (_: unknown, volume: AnnualReportVolume) => (registered === 0 ? '—' : percent(volume.registered, registered, locale)),
    },
  ];

  return (
    <>
      <style>{printStyles}</style>
      <div className="no-print">
        <PageHeader title={t('annualReport.title')} />
        <Card size="small" style={{ marginBottom: 16 }}>
          <Flex justify="space-between" wrap gap={8}>
            <Form layout="inline" name="annual-report">
              <Form.Item label={t('annualReport.year')} htmlFor="annual-report-year">
                <Select<number>
                  id="annual-report-year"
                  style={{ minWidth: 120 }}
                  value={year}
                  onChange={setYear}
                  options={Array.from({ length: 10 }, (_, index) => thisYear - index).map((value) => ({ value, label: String(value) }))}
                />
              </Form.Item>
            </Form>
            <Flex gap={8}>
              <Button icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()} disabled={!data}>
                {t('annualReport.print')}
              </Button>
              <Button icon={<DownloadOutlined aria-hidden />} onClick={() => void download()} loading={downloading} disabled={!data}>
                {t('annualReport.download')}
              </Button>
            </Flex>
          </Flex>
        </Card>
      </div>
      {report.isError ? <LoadError error={report.error} onRetry={() => void report.refetch()} /> : null}
      {definitions.isError ? <LoadError error={definitions.error} onRetry={() => void definitions.refetch()} /> : null}
      {data ? (
        <article className="annual-report" aria-labelledby="annual-report-heading">
          <Typography.Title level={2} id="annual-report-heading" style={{ textAlign: 'center' }}>
            {t('annualReport.heading', { region: data.regionName, year: data.year })}
          </Typography.Title>
          <Typography.Paragraph style={{ textAlign: 'center' }}>
            {t('annualReport.period', { from: data.from, to: data.to })}
            <br />
            {t('annualReport.basis')}
          </Typography.Paragraph>
          <Card size="small" title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('annualReport.figures')}</h3>} style={{ marginBottom: 16 }}>
            <Table<IndicatorFigure>
              rowKey="key"
              size="small"
              pagination={false}
              data-testid="annual-report-figures"
              dataSource={headlineKeys.flatMap((key) => data.figures.filter((f) => f.key === key))}
              columns={[
                {
                  title: t('annualReport.indicator'),
                  key: 'name',
                  render: (_: unknown, figure: IndicatorFigure) => {
                    const definition = definitionOf(figure.key);
                    return definition ? text(definition.name) : figure.key;
                  },
                },
                { title: t('annualReport.value'), key: 'value', align: 'right', render: (_: unknown, figure: IndicatorFigure) => figureText(figure, locale) },
                {
                  title: t('annualReport.definition'),
                  key: 'definition',
                  render: (_: unknown, figure: IndicatorFigure) => {
                    const definition = definitionOf(figure.key);
                    return definition ? text(definition.definition) : null;
                  },
                },
              ]}
            />
          </Card>
          <Card size="small" title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('annualReport.byChannel')}</h3>} style={{ marginBottom: 16 }}>
            <Table<AnnualReportVolume>
              rowKey="key"
              size="small"
              pagination={false}
              data-testid="annual-report-channels"
              dataSource={data.byChannel}
              locale={{ emptyText: <Empty description={t('annualReport.none')} /> }}
              columns={volumeColumns(t('annualReport.channel'), channelLabel)}
            />
          </Card>
          <Card size="small" title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('annualReport.byCategory')}</h3>} style={{ marginBottom: 16 }}>
            <Table<AnnualReportVolume>
              rowKey="key"
              size="small"
              pagination={false}
              data-testid="annual-report-categories"
              dataSource={data.byCategory}
              locale={{ emptyText: <Empty description={t('annualReport.none')} /> }}
              columns={volumeColumns(t('annualReport.category'), categoryLabel)}
            />
          </Card>
          <Card size="small" title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('annualReport.units')}</h3>}>
            <Table<AnnualReportUnit>
              rowKey="unitId"
              size="small"
              pagination={false}
              data-testid="annual-report-units"
              dataSource={data.mostComplainedUnits}
              locale={{ emptyText: <Empty description={t('annualReport.none')} /> }}
              columns={[
                { title: t('annualReport.rank'), key: 'rank', render: (_: unknown, __: AnnualReportUnit, index: number) => index + 1 },
                { title: t('annualReport.unit'), dataIndex: 'unitName', key: 'unitName' },
                { title: t('annualReport.forwarded'), dataIndex: 'forwarded', key: 'forwarded', align: 'right' },
                { title: t('annualReport.assigned'), dataIndex: 'assigned', key: 'assigned', align: 'right' },
                { title: t('annualReport.supervisionOrders'), dataIndex: 'supervisionOrders', key: 'supervisionOrders', align: 'right' },
              ]}
            />
          </Card>
        </article>
      ) : null}
    </>
  );
}
