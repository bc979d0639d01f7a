import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import type { ApplyForMediationRequest } from '../../shared/api/api-types';

export interface MediationCredentials {
  trackingCode: string;
  secret: string;
}

/** The dispute types for the public application form, read without signing in. */
export function usePublicDisputeTypes() {
  return useQuery({
    queryKey: ['public-mediation', 'dispute-types'],
    staleTime: 30 * 60_000,
    queryFn: () => unwrap(api.GET('/api/v1/public/mediation-dispute-types')),
  });
}

export const applyForMediation = (body: ApplyForMediationRequest) => unwrap(api.POST('/api/v1/public/mediation-applications', { body }));

const secretHeader = (credentials: MediationCredentials) => ({ 'X-Tracking-Secret': credentials.secret });

/** The applicant's view of their mediation, for the tracking code and secret. */
export function useTrackedMediation(credentials: MediationCredentials | null) {
  return useQuery({
    queryKey: ['public-mediation', credentials?.trackingCode ?? '', credentials?.secret ?? ''],
    enabled: credentials !== null,
    retry: false,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/public/mediation-applications/{trackingCode}', {
          params: { path: { trackingCode: credentials?.trackingCode ?? '' }, header: secretHeader(credentials ?? { trackingCode: '', secret: '' }) },
        }),
      ),
  });
}

/** Withdraws the application (204 without a body; the problem middleware throws on a refusal). */
export async function withdrawMediation(credentials: MediationCredentials, reason: string) {
  await api.POST('/api/v1/public/mediation-applications/{trackingCode}/withdrawal', {
    params: { path: { trackingCode: credentials.trackingCode }, header: secretHeader(credentials) },
    body: { reason },
  });
}
