import { Alert, Typography } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context';

/** A key just issued: shown once, with a copy button; the server keeps only its hash. */
export function ApiKeyOnce({ apiKey, expiresAt }: { apiKey: string; expiresAt?: string | null }) {
  const { t } = useI18n();
  return (
    <>
      <Alert type="warning" showIcon title={t('integrations.keyOnce')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph
        code
        copyable={{ text: apiKey, tooltips: [t('integrations.copy'), t('integrations.copied')] }}
        style={{ wordBreak: 'break-all' }}
        data-testid="api-key"
      >
        {apiKey}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('integrations.keyHeader')}</Typography.Paragraph>
      {expiresAt ? (
        <Typography.Paragraph type="secondary">{t('integrations.previousExpire', { at: expiresAt })}</Typography.Paragraph>
      ) : null}
    </>
  );
}
