import { Card, Col, DatePicker, Empty, Form, Row, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { ReceptionFigureLine, ReceptionKind, ReceptionLevel } from '../../shared/api/api-types';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { useI18n } from '../../shared/i18n/i18n-context';
import { RegionTreeSelect } from '../../shared/regions/region-tree-select';
import { formatRate, kindLabel, levelLabel, receptionKinds, receptionLevels } from './reception-labels';
import { useReceptionFigures } from './reception-queries';

const isKind = (key: string): key is ReceptionKind => receptionKinds.some((kind) => kind === key);
const isLevel = (key: string): key is ReceptionLevel => receptionLevels.some((level) => level === key);

/** Batches and persons received, and how many were resolved, by level, kind and leader, for a period and a region. */
export function ReceptionFiguresPage() {
  const { t, locale } = useI18n();
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('year'), dayjs()]);
  const [regionId, setRegionId] = useState<string | undefined>();
  const figures = useReceptionFigures(period[0].format('YYYY-MM-DD'), period[1].format('YYYY-MM-DD'), regionId);
  const totals = figures.data?.totals;
  const mustVisits = figures.data?.mustVisits;

  const table = (title: string, lines: ReceptionFigureLine[] | undefined, label: (line: ReceptionFigureLine) => string, testId: string) => (
    <Card title={title} size="small" style={{ marginBottom: 16 }}>
      <Table<ReceptionFigureLine>
        rowKey="key"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        loading={figures.isFetching}
        dataSource={lines ?? []}
        data-testid={testId}
        locale={{ emptyText: <Empty description={t('figures.empty')} /> }}
        columns={[
          { title: t('figures.line'), key: 'label', render: (_, line) => label(line) },
          { title: t('figures.batches'), key: 'batches', align: 'right', render: (_, line) => line.totals.batches },
          { title: t('figures.persons'), key: 'persons', align: 'right', render: (_, line) => line.totals.persons },
          { title: t('batchOutcome.solved_on_the_spot'), key: 'solved', align: 'right', render: (_, line) => line.totals.solvedOnTheSpot },
          { title: t('batchOutcome.explained'), key: 'explained', align: 'right', render: (_, line) => line.totals.explained },
          { title: t('batchOutcome.assigned'), key: 'assigned', align: 'right', render: (_, line) => line.totals.assigned },
          { title: t('figures.resolutionRate'), key: 'rate', align: 'right', render: (_, line) => formatRate(line.totals.resolutionRate, locale) },
        ]}
      />
    </Card>
  );

  return (
    <>
      <PageHeader title={t('figures.title')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" name="reception-figures" style={{ rowGap: 8 }}>
          <Form.Item label={t('figures.period')} htmlFor="figures-period">
            <DatePicker.RangePicker
              id={{ start: 'figures-period' }}
              allowClear={false}
              value={period}
              onChange={(range) => {
                if (range?.[0] && range[1]) setPeriod([range[0], range[1]]);
              }}
            />
          </Form.Item>
          <Form.Item label={t('receptions.region')} htmlFor="figures-region">
            <RegionTreeSelect id="figures-region" value={regionId} onChange={setRegionId} placeholder={t('figures.ownRegion')} />
          </Form.Item>
        </Form>
      </Card>
      {figures.isError ? <LoadError error={figures.error} onRetry={() => void figures.refetch()} /> : null}
      {!figures.isError ? (
        <>
          <Card size="small" style={{ marginBottom: 16 }} loading={figures.isPending} data-testid="figures-totals">
            <Row gutter={16}>
              <Col xs={12} md={6}>
                <Statistic title={t('figures.batches')} value={totals?.batches ?? 0} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('figures.persons')} value={totals?.persons ?? 0} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('batchOutcome.assigned')} value={totals?.assigned ?? 0} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('figures.resolutionRate')} value={formatRate(totals?.resolutionRate, locale)} />
              </Col>
            </Row>
          </Card>
          <Card
            title={t('figures.mustVisits')}
            size="small"
            style={{ marginBottom: 16 }}
            loading={figures.isPending}
            data-testid="figures-must-visits"
          >
            <Row gutter={16}>
              <Col xs={12} md={6}>
                <Statistic title={t('figures.batches')} value={mustVisits?.totals.batches ?? 0} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('figures.persons')} value={mustVisits?.totals.persons ?? 0} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('figures.resolutionRate')} value={formatRate(mustVisits?.totals.resolutionRate, locale)} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('figures.countyVisitShare')} value={formatRate(mustVisits?.batchShare, locale)} />
              </Col>
            </Row>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {t('figures.countyVisitShareHint', {
                mustVisits: mustVisits?.countyMustVisitBatches ?? 0,
                visits: mustVisits?.countyVisitBatches ?? 0,
              })}
            </Typography.Paragraph>
          </Card>
          {table(t('figures.byLevel'), figures.data?.byLevel, (line) => (isLevel(line.key) ? levelLabel(t, line.key) : (line.label ?? line.key)), 'figures-by-level')}
          {table(t('figures.byKind'), figures.data?.byKind, (line) => (isKind(line.key) ? kindLabel(t, line.key) : (line.label ?? line.key)), 'figures-by-kind')}
          {table(
            t('figures.byLeader'),
            figures.data?.byLeader,
            (line) => [line.label ?? line.key, line.level ? levelLabel(t, line.level) : null].filter(Boolean).join(' · '),
            'figures-by-leader',
          )}
        </>
      ) : null}
    </>
  );
}
