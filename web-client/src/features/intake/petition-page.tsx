import { EyeOutlined, UploadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  List,
  Row,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { categoryName } from '../../shared/categories/category-name';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import type { PetitionDetail, Schemas } from '../../shared/api/api-types';
import { describeError } from '../../shared/api/describe-error';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { PageLoading } from '../../shared/components/page-loading';
import { useCapability } from '../../shared/auth/capabilities';
import { useI18n } from '../../shared/i18n/i18n-context';
import { usePetitionCategories } from '../../shared/categories/use-petition-categories';
import { ClassifyDialog } from './classify-dialog';
import { AttachmentList } from '../../shared/files/attachment-list';
import { fileForm, saveDownload } from '../../shared/files/file-transfer';
import {
  channelLabel,
  decisionLabel,
  flagColors,
  flagLabel,
  flagReasonLabel,
  formatDateTime,
  legalChannelLabel,
  linkKindLabel,
  statusColor,
  statusLabel,
  suggestionStatusLabel,
  timelineLabel,
} from './intake-labels';
import { useInvalidatePetitions, usePetition } from './intake-queries';
import { RelateDialog, type RelateMode } from './relate-dialog';

type Petitioner = Schemas['PetitionerView'];
type PetitionAction = Schemas['PetitionAction'];
type Revealed = Schemas['RevealedPetitioner'];

export function PetitionPage() {
  const { id = '' } = useParams();
  const petition = usePetition(id);
  if (petition.isPending) return <PageLoading />;
  if (petition.isError) return <LoadError error={petition.error} onRetry={() => void petition.refetch()} />;
  return <PetitionView petition={petition.data.petition} etag={petition.data.etag} />;
}

function PetitionView({ petition, etag }: { petition: PetitionDetail; etag: string }) {
  const { t, locale } = useI18n();
  const categories = usePetitionCategories();
  const [classifying, setClassifying] = useState(false);
  const [relating, setRelating] = useState<RelateMode | null>(null);
  // The server's rule decides, for this user and this petition's state; the page shows what it offers.
  const allowed = (action: PetitionAction) => petition.allowedActions.includes(action);
  const decision = petition.decision;
  const decisionLegalChannel = decision?.legalChannel;
  const suggestion = petition.suggestion;
  const readsSuggestions = useCapability('view_suggestions');

  return (
    <>
      <PageHeader
        title={t('petition.title', { number: petition.number })}
        extra={
          <Space wrap>
            <Link to="/petitions">{t('petition.backToList')}</Link>
            {allowed('classify') ? (
              <Button type="primary" onClick={() => setClassifying(true)}>
                {t('petition.classify')}
              </Button>
            ) : null}
            {allowed('link') ? <Button onClick={() => setRelating('link')}>{t('petition.linkTo')}</Button> : null}
            {allowed('merge') ? <Button onClick={() => setRelating('merge')}>{t('petition.mergeInto')}</Button> : null}
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label={t('worklist.number')}>{petition.number}</Descriptions.Item>
          <Descriptions.Item label={t('worklist.status')}>
            <Tag color={statusColor(petition.status)} data-testid="petition-status">
              {statusLabel(t, petition.status)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('worklist.channel')}>{channelLabel(t, petition.channel)}</Descriptions.Item>
          <Descriptions.Item label={t('worklist.category')}>
            {categoryName(categories.data, petition.category, locale)}
          </Descriptions.Item>
          <Descriptions.Item label={t('worklist.region')}>{petition.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('petition.acceptanceDue')}>
            {petition.acceptanceOverdue ? (
              <Typography.Text type="danger" strong>
                {petition.acceptanceDue} ({t('petition.overdue')})
              </Typography.Text>
            ) : (
              petition.acceptanceDue
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('petition.receivedAt')}>{formatDateTime(petition.receivedAt, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('petition.registeredAt')}>{formatDateTime(petition.registeredAt, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('petition.persons')}>{petition.persons}</Descriptions.Item>
          {petition.channelReference ? (
            <Descriptions.Item label={t('petition.channelReference')}>{petition.channelReference}</Descriptions.Item>
          ) : null}
        </Descriptions>
        <Descriptions column={1} size="small" layout="vertical" style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('petition.request')}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{petition.request}</Typography.Paragraph>
          </Descriptions.Item>
          {petition.facts ? (
            <Descriptions.Item label={t('petition.facts')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{petition.facts}</Typography.Paragraph>
            </Descriptions.Item>
          ) : null}
          {petition.reasons ? (
            <Descriptions.Item label={t('petition.reasons')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{petition.reasons}</Typography.Paragraph>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>

      <Row gutter={16}>
        <Col xs={24} xl={14}>
          {decision ? (
            <Card title={t('petition.decision')} size="small" style={{ marginBottom: 16 }}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('classify.decision')}>{decisionLabel(t, decision.decision)}</Descriptions.Item>
                {decision.reason ? (
                  <Descriptions.Item label={t('classify.reason')}>{decision.reason}</Descriptions.Item>
                ) : null}
                <Descriptions.Item label={t('classify.notice')}>{decision.notice}</Descriptions.Item>
                {decisionLegalChannel ? (
                  <Descriptions.Item label={t('classify.legalChannel')}>
                    {legalChannelLabel(t, decisionLegalChannel)}
                  </Descriptions.Item>
                ) : null}
                {suggestion ? (
                  <Descriptions.Item label={t('petition.suggestion')}>
                    <Space wrap data-testid="petition-suggestion">
                      {readsSuggestions ? <Link to={`/suggestions/${suggestion.id}`}>{suggestion.trackingCode}</Link> : suggestion.trackingCode}
                      <Tag>{suggestionStatusLabel(t, suggestion.status)}</Tag>
                    </Space>
                  </Descriptions.Item>
                ) : null}
              </Descriptions>
            </Card>
          ) : null}
          <Card title={t('petition.flags')} size="small" style={{ marginBottom: 16 }}>
            {petition.flags.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('petition.noFlags')} />
            ) : (
              <List
                size="small"
                dataSource={petition.flags}
                renderItem={(reason) => (
                  <List.Item>
                    <Space wrap>
                      <Tag color={flagColors[reason.flag]}>{flagLabel(t, reason.flag)}</Tag>
                      <span>{flagReasonLabel(t, reason.code)}</span>
                      {reason.related.length > 0 ? (
                        <Typography.Text type="secondary">
                          {reason.flag === 'repeat'
                            ? t('petition.related', { numbers: reason.related.join('、') })
                            : `(${reason.related.join(' / ')})`}
                        </Typography.Text>
                      ) : null}
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </Card>
          <PetitionersCard petitionId={petition.id} petitioners={petition.petitioners} canReveal={allowed('reveal_petitioner')} />
          <Card title={t('petition.timeline')} size="small" style={{ marginBottom: 16 }}>
            {petition.timeline.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />
            ) : (
              <Timeline
                data-testid="petition-timeline"
                items={petition.timeline.map((entry, index) => ({
                  key: `${entry.occurredAt}-${index}`,
                  color: entry.isPublic ? 'green' : 'gray',
                  content: (
                    <Space orientation="vertical" size={0}>
                      <Space wrap>
                        <Typography.Text strong>{timelineLabel(t, entry.kind)}</Typography.Text>
                        <Tag color={entry.isPublic ? 'green' : 'default'}>
                          {entry.isPublic ? t('petition.public') : t('petition.internal')}
                        </Tag>
                        <Typography.Text type="secondary">
                          {formatDateTime(entry.occurredAt, locale)}
                          {entry.actorUnitName ? ` · ${entry.actorUnitName}` : ''}
                        </Typography.Text>
                      </Space>
                      <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{entry.text}</Typography.Text>
                    </Space>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <AttachmentsCard petition={petition} canUpload={allowed('add_attachment')} />
          <Card title={t('petition.links')} size="small" style={{ marginBottom: 16 }}>
            {petition.links.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('petition.noLinks')} />
            ) : (
              <List
                size="small"
                dataSource={petition.links}
                renderItem={(link) => (
                  <List.Item>
                    <Space>
                      <Tag>{linkKindLabel(t, link.kind)}</Tag>
                      <Link to={`/petitions/${link.petitionId}`}>{link.number}</Link>
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
      <ClassifyDialog
        petitionId={petition.id}
        etag={etag}
        finalMatter={petition.flags.some((reason) => reason.flag === 'final_matter')}
        open={classifying}
        onClose={() => setClassifying(false)}
      />
      <RelateDialog mode={relating} petitionId={petition.id} etag={etag} onClose={() => setRelating(null)} />
    </>
  );
}

function PetitionersCard({
  petitionId,
  petitioners,
  canReveal,
}: {
  petitionId: string;
  petitioners: Petitioner[];
  canReveal: boolean;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [revealed, setRevealed] = useState<Record<string, Revealed>>({});
  const [revealing, setRevealing] = useState<string | null>(null);

  const reveal = async (petitionerId: string) => {
    setRevealing(petitionerId);
    try {
      const values = await unwrap(
        api.POST('/api/v1/petitions/{id}/petitioners/{petitionerId}/reveal', {
          params: { path: { id: petitionId, petitionerId } },
        }),
      );
      setRevealed((current) => ({ ...current, [petitionerId]: values }));
    } catch (error) {
      void message.error(describeError(error, t));
    } finally {
      setRevealing(null);
    }
  };

  return (
    <Card title={t('petition.petitioners')} size="small" style={{ marginBottom: 16 }}>
      <Table<Petitioner>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={petitioners}
        locale={{ emptyText: <Empty description={t('common.empty')} /> }}
        columns={[
          {
            title: t('register.name'),
            dataIndex: 'name',
            render: (name: string, petitioner) => (
              <Space>
                {name}
                {petitioner.isRepresentative ? <Tag color="blue">{t('petition.representative')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('register.idNumber'),
            key: 'idNumber',
            render: (_, petitioner) => revealed[petitioner.id]?.idNumber ?? petitioner.idNumberMasked,
          },
          {
            title: t('register.phone'),
            key: 'phone',
            render: (_, petitioner) => revealed[petitioner.id]?.phone ?? petitioner.phoneMasked,
          },
          { title: t('register.address'), dataIndex: 'address' },
          ...(canReveal
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, petitioner: Petitioner) =>
                    revealed[petitioner.id] ? null : (
                      <Button
                        type="link"
                        icon={<EyeOutlined aria-hidden />}
                        loading={revealing === petitioner.id}
                        onClick={() => void reveal(petitioner.id)}
                      >
                        {t('petition.reveal')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function AttachmentsCard({ petition, canUpload }: { petition: PetitionDetail; canUpload: boolean }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const invalidatePetitions = useInvalidatePetitions();
  const [uploading, setUploading] = useState(false);

  const upload = async (file: File) => {
    setUploading(true);
    try {
      await unwrap(
        api.POST('/api/v1/petitions/{id}/attachments', {
          params: { path: { id: petition.id } },
          body: { file: file.name },
          bodySerializer: () => fileForm(file),
        }),
      );
      void message.success(t('petition.uploaded'));
      await invalidatePetitions();
    } catch (error) {
      void message.error(describeError(error, t));
    } finally {
      setUploading(false);
    }
  };

  const download = (attachment: PetitionDetail['attachments'][number]) =>
    saveDownload(
      api.GET('/api/v1/petitions/{id}/attachments/{attachmentId}', {
        params: { path: { id: petition.id, attachmentId: attachment.id } },
        parseAs: 'blob',
      }),
      attachment.fileName,
    );

  return (
    <Card
      title={t('petition.attachments')}
      size="small"
      style={{ marginBottom: 16 }}
      extra={
        canUpload ? (
          <Upload
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined aria-hidden />} loading={uploading}>
              {t('petition.upload')}
            </Button>
          </Upload>
        ) : null
      }
    >
      {petition.attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />
      ) : (
        <AttachmentList
          items={petition.attachments}
          download={download}
          describe={(attachment) => formatDateTime(attachment.uploadedAt, locale)}
        />
      )}
    </Card>
  );
}
