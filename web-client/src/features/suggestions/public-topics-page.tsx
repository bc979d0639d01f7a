import { Card, Empty, Flex, Form, Skeleton, Space, Tag, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { CursorPager } from '../../shared/components/cursor-pager';
import { LoadError } from '../../shared/components/load-error';
import { useCursorPages } from '../../shared/components/use-cursor-pages';
import { useI18n } from '../../shared/i18n/i18n-context';
import { PublicLayout } from '../../shared/layout/public-layout';
import { buildRegionTree, type RegionLike, type RegionTreeNode } from '../../shared/regions/build-region-tree';
import { publicTopicState } from './topic-labels';
import { usePublicRegions, usePublicTopics } from './topic-queries';

interface RegionOption {
  value: string;
  title: string;
  children: RegionOption[];
}

const toOptions = (nodes: readonly RegionTreeNode<RegionLike>[]): RegionOption[] =>
  nodes.map((node) => ({ value: node.key, title: node.title, children: toOptions(node.children) }));

/** The topics 议题 the public is or was asked for suggestions on: for a phone, without signing in. */
export function PublicTopicsPage() {
  const { t } = useI18n();
  const [regionId, setRegionId] = useState<string | undefined>();
  const regions = usePublicRegions();
  const options = useMemo(() => toOptions(buildRegionTree(regions.data ?? [])), [regions.data]);
  const pages = useCursorPages(regionId);
  const topics = usePublicTopics(regionId, pages.cursor);

  return (
    <PublicLayout title={t('publicTopics.title')}>
      <Typography.Paragraph>{t('publicTopics.intro')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical" name="public-topics">
          <Form.Item label={t('publicTopics.region')} htmlFor="public-topic-region" style={{ marginBottom: 0 }}>
            <TreeSelect<string>
              id="public-topic-region"
              value={regionId}
              onChange={(next) => setRegionId(next)}
              treeData={options}
              allowClear
              placeholder={regions.isError ? t('common.loadFailed') : t('publicTopics.allRegions')}
              loading={regions.isPending}
              status={regions.isError ? 'error' : undefined}
              showSearch={{ treeNodeFilterProp: 'title' }}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Form>
      </Card>
      {topics.isPending ? (
        <Skeleton active />
      ) : topics.isError ? (
        <LoadError error={topics.error} onRetry={() => void topics.refetch()} />
      ) : topics.data.items.length === 0 ? (
        <Empty description={t('publicTopics.empty')} />
      ) : (
        <>
          <Flex vertical gap={12} data-testid="public-topics">
            {topics.data.items.map((topic) => {
              const state = publicTopicState(t, topic);
              return (
                <Card key={topic.id} size="small">
                  <Flex vertical gap={4}>
                    <h2 style={{ fontSize: 16, margin: 0 }}>
                      <Link to={`/public/suggestion-topics/${topic.id}`}>{topic.title}</Link>
                    </h2>
                    <Space wrap size={6}>
                      <Tag color={state.color}>{state.label}</Tag>
                      <Typography.Text type="secondary">{topic.regionName}</Typography.Text>
                    </Space>
                    <Typography.Text type="secondary">{t('publicTopics.period', { from: topic.opensOn, to: topic.closesOn })}</Typography.Text>
                    <Typography.Text type="secondary">{t('publicTopics.unit', { unit: topic.unitName })}</Typography.Text>
                  </Flex>
                </Card>
              );
            })}
          </Flex>
          <CursorPager
            pageIndex={pages.pageIndex}
            hasPrevious={pages.hasPrevious}
            hasNext={Boolean(topics.data.nextCursor)}
            onPrevious={pages.previous}
            onNext={() => pages.next(topics.data.nextCursor)}
            loading={topics.isFetching}
          />
        </>
      )}
    </PublicLayout>
  );
}
