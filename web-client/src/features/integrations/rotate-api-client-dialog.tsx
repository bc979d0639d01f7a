import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import type { ApiClient } from '../../shared/api/api-types';
import { useI18n } from '../../shared/i18n/i18n-context';
import { etagOf, formatInstant, useInvalidateApiClients } from './integration-queries';
import { RotateSecretDialog } from './rotate-secret-dialog';

/** Issues a new key for a client, the old one valid for the overlap chosen; shows the new key once. */
export function RotateApiClientDialog({ client, onClose }: { client: ApiClient | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const invalidate = useInvalidateApiClients();

  const rotate = async (overlapHours: number) => {
    if (!client) throw new Error('No client to rotate.');
    const issued = await unwrap(
      api.POST('/api/v1/integrations/clients/{id}/rotation', {
        params: { path: { id: client.id }, header: { 'If-Match': etagOf(client.version) } },
        body: { overlapHours },
      }),
    );
    return { secret: issued.apiKey, previousExpiresAt: issued.previousSecretsExpireAt };
  };

  return (
    <RotateSecretDialog
      open={client !== null}
      title={t('integrations.rotateTitle', { name: client?.name ?? '' })}
      intro={t('integrations.rotateIntro')}
      formName="api-client-rotation"
      warning={t('integrations.keyOnce')}
      usage={t('integrations.keyHeader')}
      testId="api-key"
      previousValidity={(at) => t('integrations.previousExpire', { at: formatInstant(at, locale) })}
      rotate={rotate}
      refresh={invalidate}
      onClose={onClose}
    />
  );
}
