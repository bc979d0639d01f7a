import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Descriptions, Drawer, Empty, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { AuditChainReport, AuditEntry } from '../../shared/api/api-types';
import { describeError } from '../../shared/api/describe-error';
import { CursorPager } from '../../shared/components/cursor-pager';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { useCursorPages } from '../../shared/components/use-cursor-pages';
import { useI18n } from '../../shared/i18n/i18n-context';
import type { Translate } from '../../shared/i18n/translate';
import { formatSnapshot, toAuditQuery, type AuditFilterForm } from './audit-filters';
import { actionLabel, auditActions, auditObjectTypes, formatInstant, objectTypeLabel, problemLabel } from './audit-labels';
import { pageSize, useAuditEntriesPage, useAuditVerification } from './audit-queries';

export function AuditPage() {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<AuditFilterForm>();
  const [filters, setFilters] = useState<AuditFilterForm>({});
  const pages = useCursorPages();
  const entries = useAuditEntriesPage({ ...toAuditQuery(filters), cursor: pages.cursor ?? undefined, limit: pageSize });
  const verification = useAuditVerification();
  const [shown, setShown] = useState<AuditEntry | null>(null);

  const apply = (values: AuditFilterForm) => {
    setFilters(values);
    pages.reset();
  };
  const narrow = (values: Partial<AuditFilterForm>) => {
    form.setFieldsValue(values);
    apply(form.getFieldsValue());
  };

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        extra={
          <Button icon={<SafetyCertificateOutlined aria-hidden />} loading={verification.isPending} onClick={() => verification.mutate()}>
            {t('audit.verify')}
          </Button>
        }
      />
      {verification.isError ? (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={describeError(verification.error, t)} />
      ) : null}
      {verification.data ? <VerificationResult report={verification.data} t={t} /> : null}
      <Card title={t('audit.filters')} size="small" style={{ marginBottom: 16 }}>
        <Form<AuditFilterForm> form={form} layout="inline" onFinish={apply} name="audit-filters" style={{ rowGap: 12 }}>
          <Form.Item name="action" label={t('audit.action')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ minWidth: 200 }}
              options={auditActions.map((action) => ({ value: action, label: actionLabel(t, action) }))}
            />
          </Form.Item>
          <Form.Item name="objectType" label={t('audit.objectType')}>
            <Select
              allowClear
              style={{ minWidth: 140 }}
              options={auditObjectTypes.map((type) => ({ value: type, label: objectTypeLabel(t, type) }))}
            />
          </Form.Item>
          <Form.Item name="objectId" label={t('audit.objectId')}>
            <Input allowClear style={{ width: 320 }} />
          </Form.Item>
          <Form.Item name="actorUserId" label={t('audit.actorId')}>
            <Input allowClear style={{ width: 320 }} />
          </Form.Item>
          <Form.Item name="period" label={t('audit.period')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item>
            <Space wrap>
              <Button type="primary" htmlType="submit">
                {t('audit.apply')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  apply({});
                }}
              >
                {t('audit.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Card data-testid="audit-entries">
        {entries.isError ? (
          <LoadError compact error={entries.error} onRetry={() => void entries.refetch()} />
        ) : (
          <>
            <Table<AuditEntry>
              rowKey="id"
              loading={entries.isFetching}
              dataSource={entries.data?.items ?? []}
              pagination={false}
              scroll={{ x: true }}
              locale={{ emptyText: <Empty description={t('audit.empty')} /> }}
              columns={[
                {
                  title: t('audit.occurredAt'),
                  dataIndex: 'occurredAt',
                  render: (value: string) => formatInstant(value, locale),
                },
                {
                  title: t('audit.actor'),
                  key: 'actor',
                  render: (_, entry) =>
                    entry.actorUserId ? (
                      <Button type="link" style={{ padding: 0 }} onClick={() => narrow({ actorUserId: entry.actorUserId ?? undefined })}>
                        {entry.actorName ?? entry.actorUserId}
                      </Button>
                    ) : (
                      <Typography.Text type="secondary">{t('audit.noActor')}</Typography.Text>
                    ),
                },
                { title: t('audit.unit'), dataIndex: 'actorUnitName', render: (name: string | null) => name ?? '—' },
                {
                  title: t('audit.action'),
                  dataIndex: 'action',
                  render: (action: string) => <Tag title={action}>{actionLabel(t, action)}</Tag>,
                },
                {
                  title: t('audit.object'),
                  key: 'object',
                  render: (_, entry) => (
                    <Space size={4} wrap>
                      <span>{objectTypeLabel(t, entry.objectType)}</span>
                      {entry.objectId ? (
                        <Button
                          type="link"
                          style={{ padding: 0 }}
                          title={t('audit.filterByObject')}
                          onClick={() => narrow({ objectType: entry.objectType, objectId: entry.objectId ?? undefined })}
                        >
                          {entry.objectId.slice(-12)}
                        </Button>
                      ) : null}
                    </Space>
                  ),
                },
                {
                  title: t('common.actions'),
                  key: 'details',
                  render: (_, entry) => (
                    <Button type="link" onClick={() => setShown(entry)}>
                      {t('audit.details')}
                    </Button>
                  ),
                },
              ]}
            />
            <CursorPager
              pageIndex={pages.pageIndex}
              hasPrevious={pages.hasPrevious}
              hasNext={Boolean(entries.data?.nextCursor)}
              loading={entries.isFetching}
              onPrevious={pages.previous}
              onNext={() => pages.next(entries.data?.nextCursor)}
            />
          </>
        )}
      </Card>
      <Drawer open={shown !== null} onClose={() => setShown(null)} title={t('audit.detailsTitle')} size="large">
        {shown ? <EntryDetails entry={shown} /> : null}
      </Drawer>
    </>
  );
}

function VerificationResult({ report, t }: { report: AuditChainReport; t: Translate }) {
  const broken = report.firstBreak;
  if (!broken) {
    const title = t('audit.intact', { count: report.entries });
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 16 }}
        title={title}
        description={report.unchainedEntries > 0 ? t('audit.unchained', { count: report.unchainedEntries }) : undefined}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('audit.broken', { sequence: broken.sequence, problem: problemLabel(t, broken.problem) })}
      description={
        <Space orientation="vertical" size={2}>
          {broken.entryId ? <span>{t('audit.brokenEntry', { id: broken.entryId })}</span> : null}
          <span>{t('audit.expected', { value: broken.expected })}</span>
          <span>{t('audit.found', { value: broken.found })}</span>
          <span>{t('audit.verifiedBefore', { count: report.entries })}</span>
        </Space>
      }
    />
  );
}

function EntryDetails({ entry }: { entry: AuditEntry }) {
  const { t, locale } = useI18n();
  const before = formatSnapshot(entry.before);
  const after = formatSnapshot(entry.after);
  return (
    <>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('audit.occurredAt')}>{formatInstant(entry.occurredAt, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('audit.actor')}>{entry.actorName ?? entry.actorUserId ?? t('audit.noActor')}</Descriptions.Item>
        <Descriptions.Item label={t('audit.unit')}>{entry.actorUnitName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('audit.action')}>
          {actionLabel(t, entry.action)} <Typography.Text code>{entry.action}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.object')}>
          {objectTypeLabel(t, entry.objectType)} {entry.objectId ? <Typography.Text code>{entry.objectId}</Typography.Text> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.sequence')}>{entry.sequence ?? t('audit.unchainedEntry')}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('audit.before')}
      </Typography.Title>
      {before ? <pre data-testid="audit-before" style={{ whiteSpace: 'pre-wrap' }}>{before}</pre> : <Typography.Text type="secondary">{t('audit.noSnapshot')}</Typography.Text>}
      <Typography.Title level={5}>{t('audit.after')}</Typography.Title>
      {after ? <pre data-testid="audit-after" style={{ whiteSpace: 'pre-wrap' }}>{after}</pre> : <Typography.Text type="secondary">{t('audit.noSnapshot')}</Typography.Text>}
    </>
  );
}
