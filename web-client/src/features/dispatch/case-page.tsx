import { CheckOutlined, EyeOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  List,
  Row,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../shared/api/api';
import type { CaseAttachment, CaseDetail, CaseTimelineEntry, Schemas } from '../../shared/api/api-types';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { PageLoading } from '../../shared/components/page-loading';
import { AttachmentList } from '../../shared/files/attachment-list';
import { saveDownload } from '../../shared/files/file-transfer';
import { useI18n } from '../../shared/i18n/i18n-context';
import { categoryName } from '../../shared/categories/category-name';
import { usePetitionCategories } from '../../shared/categories/use-petition-categories';
import { CaseActionDialog } from './case-action-dialog';
import { isDialogAction, sendCaseAction, type DialogAction } from './case-actions';
import { caseFailureMessage } from './case-problem';
import { CaseTags } from './case-tags';
import {
  assignmentModeLabel,
  breachLabel,
  caseActionLabel,
  caseEventLabel,
  caseKindLabel,
  caseStatusColors,
  caseStatusLabel,
  clockStepLabel,
  extensionStatusColor,
  extensionStatusLabel,
  formatDateTime,
  opinionColors,
  opinionLabel,
  ratingColors,
  ratingLabel,
  ratingSourceLabel,
  ratingStateLabel,
  timelineText,
} from './dispatch-labels';
import { useCase, useInvalidateCases } from './dispatch-queries';
import { LightTag } from './light-tag';

type Extension = Schemas['ExtensionView'];
type Pause = Schemas['PauseView'];

export function CasePage() {
  const { id = '' } = useParams();
  const found = useCase(id);
  if (found.isPending) return <PageLoading />;
  if (found.isError) return <LoadError error={found.error} onRetry={() => void found.refetch()} />;
  return <CaseView caseDetail={found.data.detail} etag={found.data.etag} />;
}

function CaseView({ caseDetail, etag }: { caseDetail: CaseDetail; etag: string }) {
  const { t, locale } = useI18n();
  const categories = usePetitionCategories();
  const [acting, setActing] = useState<DialogAction | null>(null);
  const c = caseDetail;
  const dialogActions = c.allowedActions.filter(isDialogAction);

  return (
    <>
      <PageHeader
        title={t('case.title', { number: c.number })}
        extra={
          <Space wrap>
            <Link to="/cases">{t('case.backToList')}</Link>
            <Link to={`/petitions/${c.petitionId}`}>{t('case.toPetition')}</Link>
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid="case-actions">
          {dialogActions.length === 0 ? (
            <Typography.Text type="secondary">{t('case.noActions')}</Typography.Text>
          ) : (
            dialogActions.map((action, index) => (
              <Button key={action} type={index === 0 ? 'primary' : 'default'} onClick={() => setActing(action)}>
                {caseActionLabel(t, action)}
              </Button>
            ))
          )}
        </Flex>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label={t('cases.number')}>{c.number}</Descriptions.Item>
          <Descriptions.Item label={t('case.kind')}>{caseKindLabel(t, c.kind)}</Descriptions.Item>
          <Descriptions.Item label={t('cases.status')}>
            <Tag color={caseStatusColors[c.status]} data-testid="case-status">
              {caseStatusLabel(t, c.status)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.light')}>
            <Space wrap>
              <LightTag light={c.light} />
              <Typography.Text>
                {t('case.currentStepDue', { step: clockStepLabel(t, c.currentStep), date: c.currentDueOn })}
              </Typography.Text>
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.region')}>{c.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('case.category')}>
            {categoryName(categories.data, c.category, locale)}
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.leadUnit')}>
            <span data-testid="case-lead-unit">{c.leadUnitName ?? '—'}</span>
          </Descriptions.Item>
          {c.assignmentMode ? (
            <Descriptions.Item label={t('case.assignmentMode')}>
              {assignmentModeLabel(t, c.assignmentMode)}
              {c.reportRequired ? ` · ${t('case.reportRequired')}` : ''}
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('case.receivedAt')}>{formatDateTime(c.receivedAt, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('case.acceptedAt')}>{formatDateTime(c.acceptedAt, locale)}</Descriptions.Item>
          {c.assignedAt ? <Descriptions.Item label={t('case.assignedAt')}>{formatDateTime(c.assignedAt, locale)}</Descriptions.Item> : null}
          {c.signedAt ? <Descriptions.Item label={t('case.signedAt')}>{formatDateTime(c.signedAt, locale)}</Descriptions.Item> : null}
          {c.agentName ? (
            <Descriptions.Item label={t('case.agent')}>
              <Tag color="purple" icon={<UserOutlined aria-hidden />}>
                {c.agentName}
              </Tag>
            </Descriptions.Item>
          ) : null}
          {c.leaderName ? <Descriptions.Item label={t('case.leader')}>{c.leaderName}</Descriptions.Item> : null}
          <Descriptions.Item label={t('cases.marks')}>
            <Space wrap>
              {c.isFirstTime ? <Tag color="blue">{t('case.firstTime')}</Tag> : null}
              <CaseTags isRepeat={c.isRepeat} isSkipLevel={c.isSkipLevel} isListed={c.isListed} paused={Boolean(c.pausedAt)} />
            </Space>
          </Descriptions.Item>
        </Descriptions>
        {c.isListed && c.listedReason ? (
          <Alert type="error" showIcon style={{ marginTop: 12 }} title={t('case.listedReason', { reason: c.listedReason })} />
        ) : null}
        {c.pausedAt ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            title={t('case.pausedSince', { date: formatDateTime(c.pausedAt, locale), reason: c.pauseReason ?? '' })}
          />
        ) : null}
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '12px 0 0' }}>{c.summary}</Typography.Paragraph>
      </Card>

      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <DeadlinesCard caseDetail={c} />
          {c.repliedAt ? <ReplyCard caseDetail={c} /> : null}
          <TimelineCard entries={c.timeline} />
        </Col>
        <Col xs={24} xl={10}>
          <ChecklistCard caseDetail={c} etag={etag} />
          <CoUnitsCard caseDetail={c} />
          <SupervisionCard caseDetail={c} />
          <ExtensionsCard extensions={c.extensions} />
          <PausesCard pauses={c.pauses} />
          <BreachesCard caseDetail={c} />
        </Col>
      </Row>
      <CaseActionDialog caseDetail={c} etag={etag} action={acting} onClose={() => setActing(null)} />
    </>
  );
}

function DeadlinesCard({ caseDetail }: { caseDetail: CaseDetail }) {
  const { t } = useI18n();
  const d = caseDetail.deadlines;
  const dash = (value: string | null | undefined) => value ?? '—';
  return (
    <Card title={t('case.deadlines')} size="small" style={{ marginBottom: 16 }}>
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('case.assignmentDue')}>{d.assignmentDue}</Descriptions.Item>
        <Descriptions.Item label={t('case.signDue')}>{dash(d.signDue)}</Descriptions.Item>
        <Descriptions.Item label={t('case.returnDue')}>{dash(d.returnDue)}</Descriptions.Item>
        <Descriptions.Item label={t('case.replyDue')}>
          <span data-testid="case-reply-due">{dash(d.replyDue)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('case.extensionDays')}>{t('case.days', { days: d.extensionDays })}</Descriptions.Item>
        <Descriptions.Item label={t('case.pausedDays')}>{t('case.days', { days: d.pausedDays })}</Descriptions.Item>
        <Descriptions.Item label={t('case.ruleSet')}>{d.ruleSetTitle}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function ReplyCard({ caseDetail }: { caseDetail: CaseDetail }) {
  const { t, locale } = useI18n();
  const c = caseDetail;
  const sent = c.attachments.filter((attachment) => attachment.repliedAt);
  const download = (attachment: CaseAttachment) =>
    saveDownload(
      api.GET('/api/v1/cases/{id}/attachments/{attachmentId}', { params: { path: { id: c.id, attachmentId: attachment.id } }, parseAs: 'blob' }),
      attachment.fileName,
    );
  return (
    <Card title={t('case.reply')} size="small" style={{ marginBottom: 16 }}>
      <Descriptions column={1} size="small">
        {c.opinion ? (
          <Descriptions.Item label={t('case.opinion')}>
            <Tag color={opinionColors[c.opinion]}>{opinionLabel(t, c.opinion)}</Tag>
          </Descriptions.Item>
        ) : null}
        {c.repliedAt ? <Descriptions.Item label={t('case.repliedAt')}>{formatDateTime(c.repliedAt, locale)}</Descriptions.Item> : null}
        <Descriptions.Item label={t('case.replyText')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.replyText}</Typography.Paragraph>
        </Descriptions.Item>

        <Descriptions.Item label={t('case.rating')}>
          <Space wrap>
            {c.rating ? (
              <Tag color={ratingColors[c.rating]} data-testid="case-rating">
                {ratingLabel(t, c.rating)}
              </Tag>
            ) : null}
            <Typography.Text type="secondary">
              {ratingStateLabel(t, c.ratingState)}
              {c.ratingSource ? ` · ${ratingSourceLabel(t, c.ratingSource)}` : ''}
            </Typography.Text>
          </Space>
        </Descriptions.Item>
        {c.ratingNote ? <Descriptions.Item label={t('case.ratingNote')}>{c.ratingNote}</Descriptions.Item> : null}
        {c.reviewRequestedAt ? (
          <Descriptions.Item label={t('case.reviewRequestedAt')}>{formatDateTime(c.reviewRequestedAt, locale)}</Descriptions.Item>
        ) : null}
        {c.closedAt ? <Descriptions.Item label={t('case.closedAt')}>{formatDateTime(c.closedAt, locale)}</Descriptions.Item> : null}
        {c.finalAt ? (
          <Descriptions.Item label={t('case.final')}>
            <Tag color="default">{formatDateTime(c.finalAt, locale)}</Tag>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {sent.length > 0 ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {t('case.replyAttachments')}
          </Typography.Title>
          <AttachmentList items={sent} download={download} testId="case-reply-attachments" />
        </>
      ) : null}
    </Card>
  );
}

/** Internal entries are for staff only; public ones the petitioner sees too. Both are marked, never mixed up. */
function TimelineCard({ entries }: { entries: readonly CaseTimelineEntry[] }) {
  const { t, locale } = useI18n();
  return (
    <Card
      title={t('case.timeline')}
      size="small"
      style={{ marginBottom: 16 }}
      extra={
        <Space wrap size={4} aria-label={t('case.legend')}>
          <VisibilityTag isPublic />
          <VisibilityTag isPublic={false} />
          <Tag color="purple" icon={<UserOutlined aria-hidden />}>
            {t('case.byAgent')}
          </Tag>
        </Space>
      }
    >
      {entries.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />
      ) : (
        <Timeline
          data-testid="case-timeline"
          items={entries.map((entry, index) => ({
            key: `${entry.occurredAt}-${index}`,
            color: entry.isPublic ? 'green' : 'gray',
            icon: entry.isPublic ? <EyeOutlined aria-hidden /> : <LockOutlined aria-hidden />,
            content: (
              <Space orientation="vertical" size={0} data-public={entry.isPublic}>
                <Space wrap>
                  <Typography.Text strong>{caseEventLabel(t, entry.kind)}</Typography.Text>
                  <VisibilityTag isPublic={entry.isPublic} />
                  {entry.byAgent ? (
                    <Tag color="purple" icon={<UserOutlined aria-hidden />}>
                      {t('case.byAgent')}
                    </Tag>
                  ) : null}
                  <Typography.Text type="secondary">
                    {formatDateTime(entry.occurredAt, locale)}
                    {entry.unitName ? ` · ${entry.unitName}` : ''}
                    {entry.userName ? ` · ${entry.userName}` : ''}
                  </Typography.Text>
                </Space>
                {entry.text ? (
                  <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{timelineText(t, entry.kind, entry.text)}</Typography.Text>
                ) : null}
              </Space>
            ),
          }))}
        />
      )}
    </Card>
  );
}

function VisibilityTag({ isPublic }: { isPublic: boolean }) {
  const { t } = useI18n();
  return isPublic ? (
    <Tag color="green" icon={<EyeOutlined aria-hidden />}>
      {t('case.public')}
    </Tag>
  ) : (
    <Tag icon={<LockOutlined aria-hidden />}>{t('case.internal')}</Tag>
  );
}

function ChecklistCard({ caseDetail, etag }: { caseDetail: CaseDetail; etag: string }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const invalidateCases = useInvalidateCases();
  const [ticking, setTicking] = useState<string | null>(null);
  const canTick = caseDetail.allowedActions.includes('tick_checklist');
  const done = caseDetail.checklist.filter((item) => item.doneAt).length;

  const tick = async (itemKey: string) => {
    setTicking(itemKey);
    try {
      await sendCaseAction(caseDetail.id, etag, 'tick_checklist', { itemKey });
      void message.success(t('case.ticked'));
    } catch (error) {
      void message.error(caseFailureMessage(null, error, [], t));
    } finally {
      setTicking(null);
      await invalidateCases();
    }
  };

  return (
    <Card
      title={t('case.checklist')}
      size="small"
      style={{ marginBottom: 16 }}
      extra={<Typography.Text type="secondary">{t('case.checklistProgress', { done, total: caseDetail.checklist.length })}</Typography.Text>}
    >
      {caseDetail.checklist.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />
      ) : (
        <List
          size="small"
          data-testid="case-checklist"
          dataSource={caseDetail.checklist}
          renderItem={(item) => {
            const label = locale === 'en' ? item.labelEn : item.labelZh;
            return (
              <List.Item
                actions={
                  !item.doneAt && canTick
                    ? [
                        <Button
                          key="tick"
                          size="small"
                          icon={<CheckOutlined aria-hidden />}
                          loading={ticking === item.itemKey}
                          disabled={ticking !== null && ticking !== item.itemKey}
                          aria-label={t('case.tickItem', { item: label })}
                          onClick={() => void tick(item.itemKey)}
                        >
                          {t('case.tick')}
                        </Button>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    <Space>
                      {item.doneAt ? <CheckOutlined aria-hidden style={{ color: '#52c41a' }} /> : null}
                      {label}
                    </Space>
                  }
                  description={
                    item.doneAt
                      ? t('case.doneBy', { name: item.doneByName ?? '', date: formatDateTime(item.doneAt, locale) })
                      : t('case.notDone')
                  }
                />
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}

function CoUnitsCard({ caseDetail }: { caseDetail: CaseDetail }) {
  const { t, locale } = useI18n();
  if (caseDetail.coUnits.length === 0) return null;
  return (
    <Card title={t('case.coUnits')} size="small" style={{ marginBottom: 16 }}>
      <List
        size="small"
        dataSource={caseDetail.coUnits}
        renderItem={(unit) => (
          <List.Item>
            <List.Item.Meta
              title={unit.unitName}
              description={
                unit.inputAt ? (
                  <>
                    <Typography.Text type="secondary">
                      {t('case.inputBy', { name: unit.inputByName ?? '', date: formatDateTime(unit.inputAt, locale) })}
                    </Typography.Text>
                    <div style={{ whiteSpace: 'pre-wrap' }}>{unit.inputText}</div>
                  </>
                ) : (
                  <Tag color="gold">{t('case.awaitingInput')}</Tag>
                )
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

function SupervisionCard({ caseDetail }: { caseDetail: CaseDetail }) {
  const { t, locale } = useI18n();
  if (caseDetail.supervisionOrders.length === 0) return null;
  return (
    <Card title={t('case.supervisionOrders')} size="small" style={{ marginBottom: 16 }}>
      <List
        size="small"
        dataSource={caseDetail.supervisionOrders}
        renderItem={(order) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space wrap>
                  {order.unitName}
                  <Typography.Text type="secondary">{t('case.orderDue', { date: order.dueOn })}</Typography.Text>
                </Space>
              }
              description={
                <>
                  <Typography.Text type="secondary">
                    {t('case.issuedBy', { name: order.issuedByName ?? '', date: formatDateTime(order.issuedAt, locale) })}
                  </Typography.Text>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{order.text}</div>
                  {order.answeredAt ? (
                    <Alert
                      type="success"
                      style={{ marginTop: 8 }}
                      title={t('case.answeredBy', { name: order.answeredByName ?? '', date: formatDateTime(order.answeredAt, locale) })}
                      description={<span style={{ whiteSpace: 'pre-wrap' }}>{order.answerText}</span>}
                    />
                  ) : (
                    <Tag color="gold" style={{ marginTop: 8 }}>
                      {t('case.awaitingAnswer')}
                    </Tag>
                  )}
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

function ExtensionsCard({ extensions }: { extensions: readonly Extension[] }) {
  const { t, locale } = useI18n();
  if (extensions.length === 0) return null;
  return (
    <Card title={t('case.extensions')} size="small" style={{ marginBottom: 16 }}>
      <Table<Extension>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={[...extensions]}
        columns={[
          { title: t('case.extensionDaysShort'), dataIndex: 'days' },
          { title: t('case.extensionReason'), dataIndex: 'reason' },
          {
            title: t('cases.status'),
            dataIndex: 'status',
            render: (status: string) => <Tag color={extensionStatusColor(status)}>{extensionStatusLabel(t, status)}</Tag>,
          },
          {
            title: t('case.requested'),
            key: 'requested',
            render: (_, item) => `${item.requestedByName ?? ''} ${formatDateTime(item.requestedAt, locale)}`,
          },
          {
            title: t('case.decided'),
            key: 'decided',
            render: (_, item) =>
              item.decidedAt ? (
                <>
                  {item.decidedByName ?? ''} {formatDateTime(item.decidedAt, locale)}
                  {item.decisionReason ? <div>{item.decisionReason}</div> : null}
                </>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Card>
  );
}

function PausesCard({ pauses }: { pauses: readonly Pause[] }) {
  const { t, locale } = useI18n();
  if (pauses.length === 0) return null;
  return (
    <Card title={t('case.pauses')} size="small" style={{ marginBottom: 16 }}>
      <List
        size="small"
        dataSource={[...pauses]}
        renderItem={(pause) => (
          <List.Item>
            <List.Item.Meta
              title={pause.reason}
              description={
                pause.resumedAt
                  ? t('case.pauseRange', {
                      from: formatDateTime(pause.pausedAt, locale),
                      to: formatDateTime(pause.resumedAt, locale),
                      days: pause.pausedDays ?? 0,
                    })
                  : t('case.pauseOpen', { from: formatDateTime(pause.pausedAt, locale) })
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

function BreachesCard({ caseDetail }: { caseDetail: CaseDetail }) {
  const { t, locale } = useI18n();
  if (caseDetail.breaches.length === 0 && caseDetail.reminders.length === 0) return null;
  return (
    <Card title={t('case.breachesAndReminders')} size="small" style={{ marginBottom: 16 }}>
      {caseDetail.breaches.length > 0 ? (
        <Space wrap style={{ marginBottom: 8 }} data-testid="case-breaches">
          {caseDetail.breaches.map((breach) => (
            <Tag key={breach} color="red">
              {breachLabel(t, breach)}
            </Tag>
          ))}
        </Space>
      ) : null}
      {caseDetail.reminders.length > 0 ? (
        <List
          size="small"
          header={t('case.reminders')}
          dataSource={caseDetail.reminders}
          renderItem={(reminder) => (
            <List.Item>
              <Space wrap>
                <LightTag light={reminder.light} />
                {t('case.reminderText', { step: clockStepLabel(t, reminder.step), date: reminder.dueOn })}
                <Typography.Text type="secondary">{formatDateTime(reminder.occurredAt, locale)}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}
