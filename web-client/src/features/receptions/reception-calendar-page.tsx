import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Calendar, Card, ConfigProvider, DatePicker, Flex, Form, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ReceptionKind, ReceptionLevel, ReceptionListItem } from '../../shared/api/api-types';
import { useCapability } from '../../shared/auth/capabilities';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { useI18n } from '../../shared/i18n/i18n-context';
import { RegionTreeSelect } from '../../shared/regions/region-tree-select';
import { hostOf, kindLabel, levelLabel, receptionKinds, receptionLevels } from './reception-labels';
import { useReceptionMonth } from './reception-queries';
import { ScheduleReceptionDialog } from './schedule-reception-dialog';

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

const isKind = (value: string | null): value is ReceptionKind => receptionKinds.some((kind) => kind === value);
const isLevel = (value: string | null): value is ReceptionLevel => receptionLevels.some((level) => level === value);

/** The month shown, and the filters, live in the address: the reception page links back to its month. */
function useCalendarParams() {
  const [params, setParams] = useSearchParams();
  const monthParam = params.get('month');
  const month = monthParam && monthPattern.test(monthParam) ? monthParam : dayjs().format('YYYY-MM');
  const kindParam = params.get('kind');
  const levelParam = params.get('level');
  const filters = {
    month,
    kind: isKind(kindParam) ? kindParam : undefined,
    level: isLevel(levelParam) ? levelParam : undefined,
    regionId: params.get('regionId') ?? undefined,
  };
  const update = (changes: Partial<Record<'month' | 'kind' | 'level' | 'regionId', string | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  return { filters, update };
}

/** The month's reception days, duties, appointments and visits in the caller's jurisdiction, by day. */
export function ReceptionCalendarPage() {
  const { t } = useI18n();
  const { filters, update } = useCalendarParams();
  const [scheduling, setScheduling] = useState<Dayjs | null>(null);
  const month = useReceptionMonth({ month: filters.month, regionId: filters.regionId, kind: filters.kind });
  const shownMonth = dayjs(`${filters.month}-01`);

  const byDay = useMemo(() => {
    const days = new Map<string, ReceptionListItem[]>();
    for (const item of month.data?.items ?? []) {
      if (filters.level && item.level !== filters.level) continue;
      const list = days.get(item.day) ?? [];
      list.push(item);
      days.set(item.day, list);
    }
    return days;
  }, [month.data, filters.level]);
  const shownCount = [...byDay.values()].reduce((sum, list) => sum + list.length, 0);
  const maySchedule = useCapability('schedule_receptions');

  const goTo = (date: Dayjs) => update({ month: date.format('YYYY-MM') });

  return (
    <>
      <PageHeader
        title={t('receptions.title')}
        extra={
          maySchedule ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setScheduling(dayjs())}>
              {t('receptions.schedule')}
            </Button>
          ) : null
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" name="reception-filters" style={{ rowGap: 8 }}>
          <Form.Item label={t('receptions.kind')} htmlFor="reception-filter-kind">
            <Select<ReceptionKind>
              id="reception-filter-kind"
              allowClear
              placeholder={t('common.all')}
              value={filters.kind}
              onChange={(kind) => update({ kind })}
              options={receptionKinds.map((value) => ({ value, label: kindLabel(t, value) }))}
              style={{ minWidth: 140 }}
            />
          </Form.Item>
          <Form.Item label={t('receptions.level')} htmlFor="reception-filter-level">
            <Select<ReceptionLevel>
              id="reception-filter-level"
              allowClear
              placeholder={t('common.all')}
              value={filters.level}
              onChange={(level) => update({ level })}
              options={receptionLevels.map((value) => ({ value, label: levelLabel(t, value) }))}
              style={{ minWidth: 120 }}
            />
          </Form.Item>
          <Form.Item label={t('receptions.region')} htmlFor="reception-filter-region">
            <RegionTreeSelect id="reception-filter-region" value={filters.regionId} onChange={(regionId) => update({ regionId })} placeholder={t('common.all')} />
          </Form.Item>
        </Form>
      </Card>
      {month.isError ? <LoadError compact error={month.error} onRetry={() => void month.refetch()} /> : null}
      {month.data?.truncated ? <Alert type="warning" showIcon title={t('receptions.truncated')} style={{ marginBottom: 12 }} /> : null}
      <Card size="small" loading={month.isPending} aria-busy={month.isFetching}>
        {/* The days of the neighbouring months are drawn in the disabled grey, below AA contrast; this one still reads as muted. */}
        <ConfigProvider theme={{ token: { colorTextDisabled: '#767676' } }}>
          <Calendar
            value={shownMonth}
            mode="month"
            onSelect={(date, info) => {
              if (info.source === 'date' && date.format('YYYY-MM') !== filters.month) goTo(date);
            }}
            headerRender={() => (
              <Flex justify="space-between" align="center" wrap gap={8} style={{ padding: '8px 0' }}>
                <Space>
                  <Button icon={<LeftOutlined aria-hidden />} aria-label={t('receptions.previousMonth')} onClick={() => goTo(shownMonth.subtract(1, 'month'))} />
                  <DatePicker
                    picker="month"
                    allowClear={false}
                    value={shownMonth}
                    onChange={(date) => {
                      if (date) goTo(date);
                    }}
                    aria-label={t('receptions.month')}
                  />
                  <Button icon={<RightOutlined aria-hidden />} aria-label={t('receptions.nextMonth')} onClick={() => goTo(shownMonth.add(1, 'month'))} />
                  <Button onClick={() => goTo(dayjs())}>{t('receptions.thisMonth')}</Button>
                </Space>
                <Typography.Text type="secondary" role="status">
                  {month.isFetching ? t('common.loading') : shownCount === 0 ? t('receptions.empty') : t('receptions.count', { count: shownCount })}
                </Typography.Text>
              </Flex>
            )}
            cellRender={(date, info) => {
              if (info.type !== 'date' || date.format('YYYY-MM') !== filters.month) return null;
              const items = byDay.get(date.format('YYYY-MM-DD'));
              return items ? <DayReceptions items={items} /> : null;
            }}
          />
        </ConfigProvider>
      </Card>
      <ScheduleReceptionDialog day={scheduling} onClose={() => setScheduling(null)} />
    </>
  );
}

function DayReceptions({ items }: { items: ReceptionListItem[] }) {
  const { t } = useI18n();
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((item) => (
        <li
          key={item.id}
          style={{ borderLeft: `3px solid ${kindColor(item.kind)}`, paddingLeft: 4, marginBottom: 2, fontSize: 12 }}
        >
          <Link
            to={`/receptions/${item.id}`}
            onClick={(event) => event.stopPropagation()}
            style={{ textDecoration: item.status === 'cancelled' ? 'line-through' : undefined }}
            data-testid="calendar-reception"
          >
            {t('receptions.item', { start: item.startsAt, kind: kindLabel(t, item.kind), host: hostOf(item) || item.regionName })}
          </Link>
          {item.batches > 0 ? <span style={{ color: 'rgba(0, 0, 0, 0.6)' }}> · {t('receptions.itemBatches', { batches: item.batches })}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** Solid colours for the kind markers in the cells, dark enough to be told apart on white. */
function kindColor(kind: ReceptionKind): string {
  const colors: Record<ReceptionKind, string> = {
    leader_day: '#1f5fbf',
    department_duty: '#08979c',
    appointment: '#722ed1',
    home_visit: '#389e0d',
    leader_visit: '#d46b08',
  };
  return colors[kind];
}
