import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Input, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import type { UserSummary } from '../../shared/api/api-types';
import { describeError } from '../../shared/api/describe-error';
import { CursorPager } from '../../shared/components/cursor-pager';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { useCursorPages } from '../../shared/components/use-cursor-pages';
import { useI18n } from '../../shared/i18n/i18n-context';
import { roleLabel } from '../../shared/i18n/labels';
import { pageSize, useFreshVersionedUser, useInvalidateUsers, useUsersPage } from './organization-queries';
import { UserCreateModal } from './user-create-modal';
import { UserEditModal } from './user-edit-modal';
import { UserPasswordModal } from './user-password-modal';

export function UsersPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [search, setSearch] = useState('');
  const pages = useCursorPages();
  const users = useUsersPage({ q: search || undefined, cursor: pages.cursor ?? undefined, limit: pageSize });
  const freshUser = useFreshVersionedUser();
  const invalidateUsers = useInvalidateUsers();
  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [resetting, setResetting] = useState<UserSummary | null>(null);
  const [toggling, setToggling] = useState<string | null>(null);

  const toggleDisabled = async (user: UserSummary) => {
    setToggling(user.id);
    try {
      const { etag } = await freshUser(user.id);
      const params = { params: { path: { id: user.id }, header: { 'If-Match': etag } } };
      if (user.isDisabled) {
        await unwrap(api.POST('/api/v1/users/{id}/enable', params));
        void message.success(t('users.enabledDone', { name: user.displayName }));
      } else {
        await unwrap(api.POST('/api/v1/users/{id}/disable', params));
        void message.success(t('users.disabledDone', { name: user.displayName }));
      }
    } catch (error) {
      void message.error(describeError(error, t));
    } finally {
      setToggling(null);
      await invalidateUsers();
    }
  };

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('users.create')}
          </Button>
        }
      />
      <Card>
        <Input.Search
          allowClear
          aria-label={t('users.search')}
          placeholder={t('users.search')}
          enterButton={t('common.search')}
          onSearch={(value) => {
            setSearch(value.trim());
            pages.reset();
          }}
          style={{ maxWidth: 420, marginBottom: 16 }}
        />
        {users.isError ? (
          <LoadError compact error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <>
            <Table<UserSummary>
              rowKey="id"
              loading={users.isFetching}
              dataSource={users.data?.items ?? []}
              pagination={false}
              scroll={{ x: true }}
              locale={{ emptyText: <Empty description={t('common.empty')} /> }}
              columns={[
                { title: t('users.userName'), dataIndex: 'userName' },
                { title: t('users.displayName'), dataIndex: 'displayName' },
                { title: t('users.unit'), dataIndex: 'unitName' },
                {
                  title: t('users.roles'),
                  dataIndex: 'roles',
                  render: (roles: string[]) => (
                    <Space size={[4, 4]} wrap>
                      {roles.map((role) => (
                        <Tag key={role}>{roleLabel(t, role)}</Tag>
                      ))}
                    </Space>
                  ),
                },
                {
                  title: t('users.status'),
                  dataIndex: 'isDisabled',
                  render: (disabled: boolean) =>
                    disabled ? <Tag color="red">{t('users.disabled')}</Tag> : <Tag color="green">{t('users.active')}</Tag>,
                },
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_, user) => (
                    <Space size={0} wrap>
                      <Button type="link" onClick={() => setEditingId(user.id)}>
                        {t('common.edit')}
                      </Button>
                      <Popconfirm
                        title={
                          user.isDisabled
                            ? t('users.confirmEnable', { name: user.displayName })
                            : t('users.confirmDisable', { name: user.displayName })
                        }
                        okText={t('common.confirm')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => toggleDisabled(user)}
                      >
                        <Button type="link" danger={!user.isDisabled} loading={toggling === user.id}>
                          {user.isDisabled ? t('users.enable') : t('users.disable')}
                        </Button>
                      </Popconfirm>
                      <Button type="link" onClick={() => setResetting(user)}>
                        {t('users.resetPassword')}
                      </Button>
                    </Space>
                  ),
                },
              ]}
            />
            <CursorPager
              pageIndex={pages.pageIndex}
              hasPrevious={pages.hasPrevious}
              hasNext={Boolean(users.data?.nextCursor)}
              loading={users.isFetching}
              onPrevious={pages.previous}
              onNext={() => pages.next(users.data?.nextCursor)}
            />
          </>
        )}
      </Card>
      <UserCreateModal open={creating} onClose={() => setCreating(false)} />
      <UserEditModal userId={editingId} onClose={() => setEditingId(null)} />
      <UserPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
