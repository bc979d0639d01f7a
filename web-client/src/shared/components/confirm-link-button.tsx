import { Button, Popconfirm } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';

/** A row's irreversible action (delete, revoke): a danger link that asks to confirm first. */
export function ConfirmLinkButton({ confirm, onConfirm, loading, children }: { confirm: string; onConfirm: () => Promise<unknown> | undefined; loading?: boolean; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Popconfirm title={confirm} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => onConfirm()}>
      <Button type="link" danger loading={loading}>
        {children}
      </Button>
    </Popconfirm>
  );
}
