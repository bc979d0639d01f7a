import { Card, Descriptions, Flex, Result, Skeleton, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../shared/api/api-error';
import { LoadError } from '../../shared/components/load-error';
import { useI18n } from '../../shared/i18n/i18n-context';
import { PublicLayout } from '../../shared/layout/public-layout';
import { PublicSuggestionForm } from './public-suggestion-form';
import { publicTopicState } from './topic-labels';
import { usePublicTopic } from './topic-queries';

/** One public topic: what is asked, where, by whom and until when; once concluded, what was adopted. */
export function PublicTopicPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const topic = usePublicTopic(id);

  if (topic.isPending) {
    return (
      <PublicLayout title={t('publicTopics.title')}>
        <Skeleton active />
      </PublicLayout>
    );
  }
  if (topic.isError) {
    return (
      <PublicLayout title={t('publicTopics.title')}>
        {isApiError(topic.error) && topic.error.status === 404 ? (
          <Result status="404" title={t('publicTopics.notFound')} extra={<Link to="/public/suggestion-topics">{t('publicTopics.backToList')}</Link>} />
        ) : (
          <LoadError error={topic.error} onRetry={() => void topic.refetch()} />
        )}
      </PublicLayout>
    );
  }

  const state = publicTopicState(t, topic.data);
  return (
    <PublicLayout title={topic.data.title}>
      <Flex vertical gap={16}>
        <div>
          <Tag color={state.color}>{state.label}</Tag>
        </div>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('publicTopics.regionLabel')}>{topic.data.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('publicTopics.unitLabel')}>{topic.data.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('publicTopics.periodLabel')}>
            {t('publicTopics.periodValue', { from: topic.data.opensOn, to: topic.data.closesOn })}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{topic.data.description}</Typography.Paragraph>
        {topic.data.summary ? (
          <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('publicTopics.summary')}</h2>}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{topic.data.summary}</Typography.Paragraph>
          </Card>
        ) : null}
        {topic.data.takesSuggestions ? <PublicSuggestionForm topicId={topic.data.id} /> : null}
        <Link to="/public/suggestion-topics">{t('publicTopics.backToList')}</Link>
      </Flex>
    </PublicLayout>
  );
}
