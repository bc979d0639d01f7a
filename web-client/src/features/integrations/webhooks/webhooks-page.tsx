import { Alert, App, Button, Card, Drawer, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api/api';
import { unwrap } from '../../../shared/api/api-client';
import type { WebhookDelivery, WebhookSubscription } from '../../../shared/api/api-types';
import { describeError } from '../../../shared/api/describe-error';
import { ConfirmLinkButton } from '../../../shared/components/confirm-link-button';
import { CreateButton } from '../../../shared/components/create-button';
import { CursorTable } from '../../../shared/components/cursor-table';
import { LoadError } from '../../../shared/components/load-error';
import { PageHeader } from '../../../shared/components/page-header';
import { useCursorPages } from '../../../shared/components/use-cursor-pages';
import { useI18n } from '../../../shared/i18n/i18n-context';
import { webhookEventLabel } from '../../../shared/i18n/labels';
import type { MessageKey } from '../../../shared/i18n/zh-cn';
import { CreateWebhookDialog } from './create-webhook-dialog';
import { EditWebhookDialog } from './edit-webhook-dialog';
import { RotateWebhookSecretDialog } from './rotate-webhook-secret-dialog';
import { etagOf, formatInstant, useInvalidateWebhooks, useWebhookDeliveries, useWebhookSubscriptionsPage } from './webhook-queries';

const statusColors: Record<WebhookSubscription['status'], string> = { active: 'green', paused: 'default', disabled: 'red' };
const statusLabels: Record<WebhookSubscription['status'], MessageKey> = {
  active: 'webhooks.status.active',
  paused: 'webhooks.status.paused',
  disabled: 'webhooks.status.disabled',
};
const deliveryColors: Record<WebhookDelivery['status'], string> = { pending: 'orange', delivered: 'green', withheld: 'default' };
const deliveryLabels: Record<WebhookDelivery['status'], MessageKey> = {
  pending: 'webhooks.delivery.status.pending',
  delivered: 'webhooks.delivery.status.delivered',
  withheld: 'webhooks.delivery.status.withheld',
};

/** Webhook subscriptions of the administrator's jurisdiction: create (secret shown once), edit, pause, delete, test, and each one's delivery log. */
export function WebhooksPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const pages = useCursorPages();
  const subscriptions = useWebhookSubscriptionsPage(pages.cursor ?? undefined);
  const invalidate = useInvalidateWebhooks();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<WebhookSubscription | null>(null);
  const [viewing, setViewing] = useState<WebhookSubscription | null>(null);
  const [rotating, setRotating] = useState<WebhookSubscription | null>(null);

  const act = async (action: () => Promise<unknown>, done: MessageKey) => {
    try {
      await action();
      void message.success(t(done));
    } catch (error) {
      void message.error(describeError(error, t));
    } finally {
      await invalidate();
    }
  };

  const remove = (subscription: WebhookSubscription) =>
    act(
      () =>
        unwrap(
          api.DELETE('/api/v1/integrations/webhooks/{id}', {
            params: { path: { id: subscription.id }, header: { 'If-Match': etagOf(subscription.version) } },
          }),
        ),
      'webhooks.deleted',
    );

  const ping = (subscription: WebhookSubscription) =>
    act(() => unwrap(api.POST('/api/v1/integrations/webhooks/{id}/ping', { params: { path: { id: subscription.id } } })), 'webhooks.pinged');

  const disabled = (subscriptions.data?.items ?? []).filter((s) => s.status === 'disabled');

  return (
    <>
      <PageHeader
        title={t('webhooks.title')}
        extra={<CreateButton onClick={() => setCreating(true)}>{t('webhooks.create')}</CreateButton>}
      />
      <Card>
        <Typography.Paragraph type="secondary">{t('webhooks.intro')}</Typography.Paragraph>
        {disabled.length > 0 ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            title={t('webhooks.disabledNotice', { urls: disabled.map((s) => s.url).join('、') })}
          />
        ) : null}
        <CursorTable<WebhookSubscription>
          query={subscriptions}
          pages={pages}
          emptyText={t('webhooks.empty')}
          columns={[
            {
              title: t('webhooks.url'),
              dataIndex: 'url',
              render: (url: string, subscription) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Text code style={{ wordBreak: 'break-all' }}>
                    {url}
                  </Typography.Text>
                  {subscription.description ? <Typography.Text type="secondary">{subscription.description}</Typography.Text> : null}
                </Space>
              ),
            },
            {
              title: t('webhooks.eventTypes'),
              dataIndex: 'eventTypes',
              render: (types: string[]) => (
                <Space size={[0, 4]} wrap>
                  {types.map((type) => (
                    <Tag key={type}>{webhookEventLabel(t, type)}</Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: t('webhooks.owner'),
              dataIndex: 'ownerUnitName',
              render: (name: string, subscription) => (
                <Space orientation="vertical" size={0}>
                  {name}
                  {subscription.ownerClientId ? <Typography.Text type="secondary">{t('webhooks.ownerClient')}</Typography.Text> : null}
                </Space>
              ),
            },
            {
              title: t('webhooks.status'),
              dataIndex: 'status',
              render: (status: WebhookSubscription['status'], subscription) => (
                <Space orientation="vertical" size={0}>
                  <Tag color={statusColors[status]}>{t(statusLabels[status])}</Tag>
                  {subscription.failingSince ? (
                    <Typography.Text type="danger">{t('webhooks.failingSince', { at: formatInstant(subscription.failingSince, locale) })}</Typography.Text>
                  ) : null}
                </Space>
              ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, subscription) => (
                <Space size={0} wrap>
                  <Button type="link" onClick={() => setViewing(subscription)}>
                    {t('webhooks.deliveries')}
                  </Button>
                  <Button type="link" onClick={() => setEditing(subscription)}>
                    {t('webhooks.edit')}
                  </Button>
                  <Button type="link" disabled={subscription.status !== 'active'} onClick={() => void ping(subscription)}>
                    {t('webhooks.ping')}
                  </Button>
                  <Button type="link" onClick={() => setRotating(subscription)}>
                    {t('webhooks.rotate')}
                  </Button>
                  <ConfirmLinkButton confirm={t('webhooks.confirmDelete')} onConfirm={() => remove(subscription)}>
                    {t('webhooks.delete')}
                  </ConfirmLinkButton>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <CreateWebhookDialog open={creating} onClose={() => setCreating(false)} />
      <EditWebhookDialog subscription={editing} onClose={() => setEditing(null)} />
      <RotateWebhookSecretDialog subscription={rotating} onClose={() => setRotating(null)} />
      <DeliveryLog subscription={viewing} onClose={() => setViewing(null)} />
    </>
  );
}

/** A subscription's latest deliveries with their last attempt, and redelivery. */
function DeliveryLog({ subscription, onClose }: { subscription: WebhookSubscription | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const deliveries = useWebhookDeliveries(subscription?.id ?? null);

  const redeliver = async (delivery: WebhookDelivery) => {
    if (!subscription) return;
    try {
      await unwrap(
        api.POST('/api/v1/integrations/webhooks/{id}/deliveries/{deliveryId}/redelivery', {
          params: { path: { id: subscription.id, deliveryId: delivery.id } },
        }),
      );
      void message.success(t('webhooks.redelivered'));
    } catch (error) {
      void message.error(describeError(error, t));
    } finally {
      await deliveries.refetch();
    }
  };

  return (
    <Drawer open={subscription !== null} onClose={onClose} size={960} title={subscription ? t('webhooks.deliveriesTitle', { url: subscription.url }) : null}>
      {deliveries.isError ? (
        <LoadError compact error={deliveries.error} onRetry={() => void deliveries.refetch()} />
      ) : (
        <Table<WebhookDelivery>
          rowKey="id"
          size="small"
          loading={deliveries.isLoading}
          dataSource={deliveries.data?.items ?? []}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: <Empty description={t('webhooks.noDeliveries')} /> }}
          columns={[
            { title: t('webhooks.delivery.event'), dataIndex: 'eventType', render: (type: string) => webhookEventLabel(t, type) },
            {
              title: t('webhooks.delivery.status'),
              dataIndex: 'status',
              render: (status: WebhookDelivery['status']) => <Tag color={deliveryColors[status]}>{t(deliveryLabels[status])}</Tag>,
            },
            { title: t('webhooks.delivery.attempts'), dataIndex: 'attempts' },
            { title: t('webhooks.delivery.statusCode'), dataIndex: 'lastStatusCode', render: (code: number | null | undefined) => code ?? '—' },
            {
              title: t('webhooks.delivery.duration'),
              dataIndex: 'lastDurationMs',
              render: (ms: number | null | undefined) => (ms === null || ms === undefined ? '—' : t('webhooks.delivery.durationMs', { ms: String(ms) })),
            },
            {
              title: t('webhooks.delivery.at'),
              dataIndex: 'lastAttemptAt',
              render: (at: string | null | undefined, delivery) =>
                at ? formatInstant(at, locale) : delivery.status === 'pending' ? `${t('webhooks.delivery.next')} ${formatInstant(delivery.nextAttemptAt, locale)}` : '—',
            },
            {
              title: t('webhooks.delivery.error'),
              dataIndex: 'lastError',
              render: (error: string | null | undefined) => (error ? <Typography.Text type="danger">{error}</Typography.Text> : null),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, delivery) =>
                delivery.status === 'withheld' ? null : (
                  <Button type="link" onClick={() => void redeliver(delivery)}>
                    {t('webhooks.redeliver')}
                  </Button>
                ),
            },
          ]}
        />
      )}
    </Drawer>
  );
}
