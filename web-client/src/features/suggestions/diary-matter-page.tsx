import { Alert, Card, Descriptions, List, Space } from 'antd';
import { Link, useParams } from 'react-router';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { PageLoading } from '../../shared/components/page-loading';
import { useI18n } from '../../shared/i18n/i18n-context';
import { DiaryConvertActions } from './diary-convert-actions';
import { diaryOutcomeText, formatDay } from './diary-labels';
import { useDiaryMatter } from './diary-queries';
import { formatDateTime } from './suggestion-labels';

// A link inside a line of text is underlined: told apart from the text by more than its colour.
const inTextLink = { textDecoration: 'underline' } as const;

/** One kind of matter: its households' entries, what it became and where that stands, and the conversions still open. */
export function DiaryMatterPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const query = useDiaryMatter(id);
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const { matter: detail, etag } = query.data;
  const { matter } = detail;

  return (
    <>
      <PageHeader title={matter.title} />
      <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 720 }}>
        {detail.outcome ? <Alert type="success" showIcon title={diaryOutcomeText(t, detail.outcome)} data-testid="diary-outcome" /> : null}
        <Card size="small">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('diary.village')}>{matter.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('diary.households')}>{matter.householdCount}</Descriptions.Item>
            <Descriptions.Item label={t('diary.entries')}>{matter.entryCount}</Descriptions.Item>
            <Descriptions.Item label={t('diary.groupedAt')}>{formatDateTime(matter.createdAt, locale)}</Descriptions.Item>
          </Descriptions>
          <DiaryConvertActions
            source={{ of: 'matters', id: matter.id, etag }}
            allowed={detail.allowedActions}
            defaultTitle={matter.title}
            onChanged={() => query.refetch()}
          />
        </Card>
        <Card size="small" title={t('diary.entries')}>
          <List
            size="small"
            dataSource={detail.entries}
            renderItem={(e) => (
              <List.Item>
                <Link to={`/diary/entries/${e.id}`} style={inTextLink}>{e.household}</Link> · {formatDay(e.visitedOn, locale)} · {e.matter}
              </List.Item>
            )}
          />
        </Card>
      </Space>
    </>
  );
}
