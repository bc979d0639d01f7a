import { App, Button, Card, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import type { ApiClient } from '../../shared/api/api-types';
import { describeError } from '../../shared/api/describe-error';
import { ConfirmLinkButton } from '../../shared/components/confirm-link-button';
import { CreateButton } from '../../shared/components/create-button';
import { CursorTable } from '../../shared/components/cursor-table';
import { PageHeader } from '../../shared/components/page-header';
import { useCursorPages } from '../../shared/components/use-cursor-pages';
import { useI18n } from '../../shared/i18n/i18n-context';
import { CreateApiClientDialog } from './create-api-client-dialog';
import { etagOf, formatInstant, useApiClientsPage, useInvalidateApiClients } from './integration-queries';
import { RotateApiClientDialog } from './rotate-api-client-dialog';

/** Third parties' API clients of the administrator's jurisdiction: register, rotate the key, revoke; last use. */
export function ApiClientsPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const pages = useCursorPages();
  const clients = useApiClientsPage(pages.cursor ?? undefined);
  const invalidate = useInvalidateApiClients();
  const [creating, setCreating] = useState(false);
  const [rotating, setRotating] = useState<ApiClient | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);

  const revoke = async (client: ApiClient) => {
    setRevoking(client.id);
    try {
      await unwrap(
        api.POST('/api/v1/integrations/clients/{id}/revocation', {
          params: { path: { id: client.id }, header: { 'If-Match': etagOf(client.version) } },
        }),
      );
      void message.success(t('integrations.revoked'));
    } catch (error) {
      void message.error(describeError(error, t));
    } finally {
      setRevoking(null);
      await invalidate();
    }
  };

  return (
    <>
      <PageHeader
        title={t('integrations.title')}
        extra={<CreateButton onClick={() => setCreating(true)}>{t('integrations.create')}</CreateButton>}
      />
      <Card>
        <Typography.Paragraph type="secondary">{t('integrations.intro')}</Typography.Paragraph>
        <CursorTable<ApiClient>
          query={clients}
          pages={pages}
          emptyText={t('integrations.empty')}
          columns={[
            { title: t('integrations.name'), dataIndex: 'name' },
            { title: t('integrations.unit'), dataIndex: 'unitName' },
            {
              title: t('integrations.scopes'),
              dataIndex: 'scopes',
              render: (scopes: string[]) => (
                <Space size={[0, 4]} wrap>
                  {scopes.map((scope) => (
                    <Tag key={scope}>{scope}</Tag>
                  ))}
                </Space>
              ),
            },
            { title: t('integrations.rateLimit'), dataIndex: 'rateLimitPerMinute' },
            {
              title: t('integrations.lastUsed'),
              dataIndex: 'lastUsedAt',
              render: (value: string | null | undefined) => (value ? formatInstant(value, locale) : t('integrations.neverUsed')),
            },
            {
              title: t('integrations.state'),
              key: 'state',
              render: (_, client) =>
                client.revokedAt ? (
                  <Tag color="red">{t('integrations.stateRevoked')}</Tag>
                ) : (
                  <Tag color="green">{t('integrations.stateActive')}</Tag>
                ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, client) =>
                client.revokedAt ? null : (
                  <Space size={0} wrap>
                    <Button type="link" onClick={() => setRotating(client)}>
                      {t('integrations.rotate')}
                    </Button>
                    <ConfirmLinkButton confirm={t('integrations.confirmRevoke')} onConfirm={() => revoke(client)} loading={revoking === client.id}>
                      {t('integrations.revoke')}
                    </ConfirmLinkButton>
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <CreateApiClientDialog open={creating} onClose={() => setCreating(false)} />
      <RotateApiClientDialog client={rotating} onClose={() => setRotating(null)} />
    </>
  );
}
