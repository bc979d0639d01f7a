import { PictureOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Descriptions, List, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { DiaryEntryDetail } from '../../shared/api/api-types';
import { describeError } from '../../shared/api/describe-error';
import { isApiError } from '../../shared/api/api-error';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { PageLoading } from '../../shared/components/page-loading';
import { useI18n } from '../../shared/i18n/i18n-context';
import { DiaryConvertActions } from './diary-convert-actions';
import { DiaryGroupDialog, firstSentence } from './diary-group-dialog';
import { diaryKindLabel, diaryOutcomeText, diaryStateColors, diaryStateLabel, formatDay } from './diary-labels';
import { addDiaryPhoto, downloadDiaryPhoto, useDiaryEntry } from './diary-queries';
import { formatDateTime } from './suggestion-labels';

// A link inside a line of text is underlined: told apart from the text by more than its colour.
const inTextLink = { textDecoration: 'underline' } as const;

/** One diary entry: what was raised, its photo, what came of it, and the similar entries proposed to be grouped with it. */
export function DiaryEntryPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const query = useDiaryEntry(id);
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  return <DiaryEntryView detail={query.data.entry} etag={query.data.etag} onChanged={() => query.refetch()} title={t('diary.entryTitle')} />;
}

function DiaryEntryView({ detail, etag, onChanged, title }: { detail: DiaryEntryDetail; etag: string; onChanged: () => Promise<unknown>; title: string }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { entry, allowedActions } = detail;
  const [chosen, setChosen] = useState<string[]>(() => detail.similar.map((s) => s.id));
  const [grouping, setGrouping] = useState(false);
  const [uploading, setUploading] = useState(false);

  const upload = async (file: File) => {
    setUploading(true);
    try {
      await addDiaryPhoto(entry.id, etag, file);
      void message.success(t('diary.photoAdded'));
    } catch (error) {
      const reasons = isApiError(error) ? Object.values(error.fieldErrors).flat() : [];
      void message.error(reasons.length > 0 ? reasons.join(' ') : describeError(error, t));
    } finally {
      setUploading(false);
      await onChanged();
    }
  };

  return (
    <>
      <PageHeader title={title} />
      <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 720 }}>
        {detail.outcome ? <Alert type="success" showIcon title={diaryOutcomeText(t, detail.outcome)} data-testid="diary-outcome" /> : null}
        {detail.groupedInto ? (
          <Alert
            type="info"
            showIcon
            title={
              <Link to={`/diary/matters/${detail.groupedInto.id}`} style={inTextLink}>
                {t('diary.groupedInto', { title: detail.groupedInto.title, households: detail.groupedInto.householdCount })}
              </Link>
            }
          />
        ) : null}
        <Card size="small">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('diary.state')}>
              <Tag color={diaryStateColors[entry.state]}>{diaryStateLabel(t, entry.state)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('diary.kind')}>
              {diaryKindLabel(t, entry.kind)}
              {entry.source ? ` · ${entry.source}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={entry.kind === 'group_message' ? t('diary.sender') : t('diary.household')}>{entry.household}</Descriptions.Item>
            <Descriptions.Item label={t('diary.visitedOn')}>{formatDay(entry.visitedOn, locale)}</Descriptions.Item>
            <Descriptions.Item label={t('diary.village')}>{entry.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('diary.matter')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{entry.matter}</Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('diary.loggedBy')}>
              {entry.loggedByName ?? '—'} · {formatDateTime(detail.loggedAt, locale)}
            </Descriptions.Item>
            <Descriptions.Item label={t('diary.photo')}>
              <Space wrap>
                {detail.photoFileName ? (
                  <Button type="link" icon={<PictureOutlined aria-hidden />} onClick={() => void downloadDiaryPhoto(entry.id, detail.photoFileName ?? 'photo')}>
                    {detail.photoFileName}
                  </Button>
                ) : (
                  <Typography.Text type="secondary">{t('diary.noPhoto')}</Typography.Text>
                )}
                {allowedActions.includes('add_photo') ? (
                  <Upload
                    accept="image/jpeg,image/png"
                    capture="environment"
                    showUploadList={false}
                    beforeUpload={(file) => {
                      void upload(file);
                      return false;
                    }}
                  >
                    <Button icon={<UploadOutlined aria-hidden />} loading={uploading}>
                      {t('diary.addPhoto')}
                    </Button>
                  </Upload>
                ) : null}
              </Space>
            </Descriptions.Item>
          </Descriptions>
          <DiaryConvertActions
            source={{ of: 'entries', id: entry.id, etag }}
            allowed={allowedActions}
            defaultTitle={firstSentence(entry.matter)}
            onChanged={onChanged}
          />
        </Card>
        {detail.similar.length > 0 ? (
          <Card size="small" title={t('diary.similarTitle', { count: detail.similar.length })}>
            <Typography.Paragraph type="secondary">{t('diary.similarHint')}</Typography.Paragraph>
            <Checkbox.Group value={chosen} onChange={(next) => setChosen(next)} style={{ width: '100%' }}>
              <List
                size="small"
                dataSource={detail.similar}
                renderItem={(similar) => (
                  <List.Item>
                    <Checkbox value={similar.id} disabled={!allowedActions.includes('group')}>
                      <Link to={`/diary/entries/${similar.id}`} style={inTextLink}>{similar.household}</Link> · {formatDay(similar.visitedOn, locale)} · {similar.matter}
                    </Checkbox>
                  </List.Item>
                )}
              />
            </Checkbox.Group>
            {allowedActions.includes('group') ? (
              <Button type="primary" disabled={chosen.length === 0} onClick={() => setGrouping(true)}>
                {t('diary.group')}
              </Button>
            ) : null}
          </Card>
        ) : null}
      </Space>
      <DiaryGroupDialog entryIds={[entry.id, ...chosen]} defaultTitle={firstSentence(entry.matter)} open={grouping} onClose={() => setGrouping(false)} />
    </>
  );
}
