import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Form, Skeleton, Space, Tag, TreeSelect, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import type { PublicReceptionDay } from '../../shared/api/api-types';
import { LoadError } from '../../shared/components/load-error';
import { useI18n } from '../../shared/i18n/i18n-context';
import { PublicLayout } from '../../shared/layout/public-layout';
import { buildRegionTree, type RegionLike, type RegionTreeNode } from '../../shared/regions/build-region-tree';
import { kindColors, kindLabel, levelLabel } from './reception-labels';
import { usePublicReceptionDays, usePublicRegions } from './reception-queries';

interface RegionOption {
  value: string;
  title: string;
  children: RegionOption[];
}

const toOptions = (nodes: readonly RegionTreeNode<RegionLike>[]): RegionOption[] =>
  nodes.map((node) => ({ value: node.key, title: node.title, children: toOptions(node.children) }));

/** Groups the month's published days by date, in the API's order (day, then start). */
export function groupByDay(items: readonly PublicReceptionDay[]): [string, PublicReceptionDay[]][] {
  const days = new Map<string, PublicReceptionDay[]>();
  for (const item of items) days.set(item.day, [...(days.get(item.day) ?? []), item]);
  return [...days.entries()];
}

/** When and where leaders receive and departments are on duty this month: for the public, on a phone, without signing in. */
export function PublicReceptionDaysPage() {
  const { t, locale } = useI18n();
  const [month, setMonth] = useState(() => dayjs().startOf('month'));
  const [regionId, setRegionId] = useState<string | undefined>();
  const regions = usePublicRegions();
  const options = useMemo(() => toOptions(buildRegionTree(regions.data ?? [])), [regions.data]);
  const days = usePublicReceptionDays(month.format('YYYY-MM'), regionId);
  const monthTitle = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long' }).format(month.toDate());
  const dayTitle = (day: string) => new Intl.DateTimeFormat(locale, { month: 'long', day: 'numeric', weekday: 'long' }).format(dayjs(day).toDate());

  return (
    <PublicLayout title={t('publicReceptions.title')}>
      <Typography.Paragraph>{t('publicReceptions.intro')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex vertical gap={12}>
          <Flex align="center" justify="space-between" gap={8}>
            <Button icon={<LeftOutlined aria-hidden />} aria-label={t('receptions.previousMonth')} onClick={() => setMonth(month.subtract(1, 'month'))} />
            <Typography.Text strong aria-live="polite" data-testid="public-month">
              {monthTitle}
            </Typography.Text>
            <Button icon={<RightOutlined aria-hidden />} aria-label={t('receptions.nextMonth')} onClick={() => setMonth(month.add(1, 'month'))} />
          </Flex>
          <Form layout="vertical" name="public-reception-days">
            <Form.Item label={t('publicReceptions.region')} htmlFor="public-reception-region" style={{ marginBottom: 0 }}>
              <TreeSelect<string>
                id="public-reception-region"
                value={regionId}
                onChange={(next) => setRegionId(next)}
                treeData={options}
                allowClear
                placeholder={regions.isError ? t('common.loadFailed') : t('publicReceptions.allRegions')}
                loading={regions.isPending}
                status={regions.isError ? 'error' : undefined}
                showSearch={{ treeNodeFilterProp: 'title' }}
                treeDefaultExpandedKeys={options.map((option) => option.value)}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Form>
        </Flex>
      </Card>
      {days.isPending ? (
        <Skeleton active />
      ) : days.isError ? (
        <LoadError error={days.error} onRetry={() => void days.refetch()} />
      ) : days.data.length === 0 ? (
        <Empty description={t('publicReceptions.empty')} />
      ) : (
        <Flex vertical gap={12} data-testid="public-reception-days">
          {groupByDay(days.data).map(([day, items]) => (
            <Card key={day} size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{dayTitle(day)}</h2>}>
              <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {items.map((item) => (
                  <li key={item.id} style={{ padding: '8px 0', borderTop: '1px solid #f0f0f0' }}>
                    <Space wrap size={6}>
                      <Typography.Text strong>{t('publicReceptions.time', { start: item.startsAt, end: item.endsAt })}</Typography.Text>
                      <Tag variant="solid" color={kindColors[item.kind]}>{kindLabel(t, item.kind)}</Tag>
                      <Tag>{levelLabel(t, item.level)}</Tag>
                    </Space>
                    <div>{t('publicReceptions.place', { region: item.regionName, place: item.place })}</div>
                    {item.unitName ? <div>{t('publicReceptions.unit', { unit: item.unitName })}</div> : null}
                    {item.theme ? <Typography.Text type="secondary">{t('publicReceptions.theme', { theme: item.theme })}</Typography.Text> : null}
                  </li>
                ))}
              </ul>
            </Card>
          ))}
        </Flex>
      )}
    </PublicLayout>
  );
}
