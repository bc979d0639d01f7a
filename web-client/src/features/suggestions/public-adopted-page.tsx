import { TrophyOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Segmented, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { PublicAdoptedSuggestion } from '../../shared/api/api-types';
import { CursorPager } from '../../shared/components/cursor-pager';
import { LoadError } from '../../shared/components/load-error';
import { useCursorPages } from '../../shared/components/use-cursor-pages';
import { useI18n } from '../../shared/i18n/i18n-context';
import { PublicLayout } from '../../shared/layout/public-layout';
import { formatDateTime, suggestionOutcomeColors, suggestionOutcomeLabel } from './suggestion-labels';
import { usePublicAdoptedSuggestions } from './suggestion-queries';

type View = 'adopted' | 'awarded';

/** The adopted suggestions with what was done, and the excellent suggestions 优秀建议: for a phone, without signing in. */
export function PublicAdoptedPage() {
  const { t } = useI18n();
  const [view, setView] = useState<View>('adopted');
  const pages = useCursorPages(view);
  const suggestions = usePublicAdoptedSuggestions(view === 'awarded', pages.cursor);

  return (
    <PublicLayout title={t('publicAdopted.title')}>
      <Typography.Paragraph>{t('publicAdopted.intro')}</Typography.Paragraph>
      <Segmented<View>
        block
        value={view}
        onChange={setView}
        options={[
          { value: 'adopted', label: t('publicAdopted.adopted') },
          { value: 'awarded', label: t('publicAdopted.awarded') },
        ]}
        style={{ marginBottom: 16 }}
      />
      {suggestions.isPending ? (
        <Skeleton active />
      ) : suggestions.isError ? (
        <LoadError error={suggestions.error} onRetry={() => void suggestions.refetch()} />
      ) : suggestions.data.items.length === 0 ? (
        <Empty description={t('publicAdopted.empty')} />
      ) : (
        <>
          <Flex vertical gap={12} data-testid="public-adopted">
            {suggestions.data.items.map((item) => (
              <AdoptedCard key={item.id} item={item} />
            ))}
          </Flex>
          <CursorPager
            pageIndex={pages.pageIndex}
            hasPrevious={pages.hasPrevious}
            hasNext={Boolean(suggestions.data.nextCursor)}
            onPrevious={pages.previous}
            onNext={() => pages.next(suggestions.data.nextCursor)}
            loading={suggestions.isFetching}
          />
        </>
      )}
    </PublicLayout>
  );
}

function AdoptedCard({ item }: { item: PublicAdoptedSuggestion }) {
  const { t, locale } = useI18n();
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{item.title}</h2>}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Tag color={suggestionOutcomeColors[item.outcome]}>{suggestionOutcomeLabel(t, item.outcome)}</Tag>
        {item.awardedAt ? (
          <Tag color="gold" icon={<TrophyOutlined aria-hidden />}>
            {t('publicAdopted.excellent')}
          </Tag>
        ) : null}
        <Typography.Text type="secondary">
          {item.regionName}
          {item.topicTitle ? ` · ${item.topicTitle}` : ''}
        </Typography.Text>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('publicAdopted.answeredAt', { at: formatDateTime(item.answeredAt, locale) })}
      </Typography.Paragraph>
      {item.implementation ? (
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          <Typography.Text strong>{t('publicAdopted.implementation')}</Typography.Text> {item.implementation}
        </Typography.Paragraph>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('publicAdopted.inProgress')}
        </Typography.Paragraph>
      )}
      {item.award ? (
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          <Typography.Text strong>{t('publicAdopted.citation')}</Typography.Text> {item.award}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
