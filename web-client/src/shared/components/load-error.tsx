import { Alert, Button, Result } from 'antd';
import { describeError } from '../api/describe-error';
import { isApiError } from '../api/api-error';
import { useI18n } from '../i18n/i18n-context';

/** The error state of a query: what went wrong, in words, with a way to try again. */
export function LoadError({
  error,
  onRetry,
  compact = false,
}: {
  error: unknown;
  onRetry: () => void;
  compact?: boolean;
}) {
  const { t } = useI18n();
  const message = describeError(error, t);
  const traceId = isApiError(error) ? error.problem?.traceId : undefined;
  const detail = traceId ? t('error.traceId', { traceId }) : undefined;
  const retry = (
    <Button onClick={onRetry} size={compact ? 'small' : 'middle'}>
      {t('common.retry')}
    </Button>
  );
  if (compact) {
    return <Alert type="error" showIcon title={message} description={detail} action={retry} />;
  }
  return <Result status="error" title={t('common.loadFailed')} subTitle={[message, detail].filter(Boolean).join(' ')} extra={retry} />;
}
