import { api } from '../../../shared/api/api';
import { unwrap } from '../../../shared/api/api-client';
import type { WebhookSubscription } from '../../../shared/api/api-types';
import { useI18n } from '../../../shared/i18n/i18n-context';
import { RotateSecretDialog } from '../rotate-secret-dialog';
import { etagOf, formatInstant, useInvalidateWebhooks } from './webhook-queries';

/** Issues a new signing secret for a subscription; during the overlap each webhook is signed with the old one too. */
export function RotateWebhookSecretDialog({ subscription, onClose }: { subscription: WebhookSubscription | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const invalidate = useInvalidateWebhooks();

  const rotate = async (overlapHours: number) => {
    if (!subscription) throw new Error('No subscription to rotate.');
    const rotated = await unwrap(
      api.POST('/api/v1/integrations/webhooks/{id}/secret-rotation', {
        params: { path: { id: subscription.id }, header: { 'If-Match': etagOf(subscription.version) } },
        body: { overlapHours },
      }),
    );
    return { secret: rotated.secret, previousExpiresAt: rotated.previousSecretExpiresAt };
  };

  return (
    <RotateSecretDialog
      open={subscription !== null}
      title={t('webhooks.rotateTitle', { url: subscription?.url ?? '' })}
      intro={t('webhooks.rotateIntro')}
      formName="webhook-secret-rotation"
      warning={t('webhooks.secretOnce')}
      testId="webhook-secret"
      previousValidity={(at) => t('webhooks.previousExpire', { at: formatInstant(at, locale) })}
      rotate={rotate}
      refresh={invalidate}
      onClose={onClose}
    />
  );
}
