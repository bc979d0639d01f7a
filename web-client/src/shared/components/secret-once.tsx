import { Alert, Typography } from 'antd';
import { useI18n } from '../i18n/i18n-context';

export interface SecretOnceProps {
  /** The secret just issued: an API client's key, a webhook subscription's signing secret, a tracking secret. */
  secret: string;
  /** Why it must be copied now. */
  warning: string;
  /** How the third party uses it, when the warning does not say. */
  usage?: string;
  /** After a rotation: until when the previous secret keeps working, already worded. */
  previousValidity?: string | null;
  testId: string;
}

/** A secret just issued, shown this once with a copy button: the server keeps only what it needs to check or use it. */
export function SecretOnce({ secret, warning, usage, previousValidity, testId }: SecretOnceProps) {
  const { t } = useI18n();
  return (
    <>
      <Alert type="warning" showIcon title={warning} style={{ marginBottom: 16 }} />
      <Typography.Paragraph
        code
        copyable={{ text: secret, tooltips: [t('integrations.copy'), t('integrations.copied')] }}
        style={{ wordBreak: 'break-all' }}
        data-testid={testId}
      >
        {secret}
      </Typography.Paragraph>
      {usage ? <Typography.Paragraph type="secondary">{usage}</Typography.Paragraph> : null}
      {previousValidity ? <Typography.Paragraph type="secondary">{previousValidity}</Typography.Paragraph> : null}
    </>
  );
}
